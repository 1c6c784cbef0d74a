package com.milkrun.store.dynamo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * What the DynamoDB stores consume, counted only when the JVM runs with {@code -Dmilkrun.dynamodb.capacity=FILE}: a
 * diagnostic for the capacity benchmark, which reads the totals a daemon thread rewrites into FILE every 100 ms. It
 * asks DynamoDB for the consumed capacity of every item operation ({@code ReturnConsumedCapacity=TOTAL}) and adds up
 * the read and write units per operation. Without the property it is not installed.
 */
public final class CapacityMeter implements ExecutionInterceptor {
    public static final String PROPERTY = "milkrun.dynamodb.capacity";

    private final Map<String, Totals> byOperation = new ConcurrentHashMap<>();

    /** Calls, read units and write units of one operation. */
    private static final class Totals {
        final LongAdder calls = new LongAdder();
        final DoubleAdder reads = new DoubleAdder();
        final DoubleAdder writes = new DoubleAdder();
    }

    /** The meter for this JVM when the property is set, writing its file. */
    public static java.util.Optional<CapacityMeter> fromSystemProperty() {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return java.util.Optional.empty();
        }
        CapacityMeter meter = new CapacityMeter();
        Thread writer = new Thread(() -> meter.writeEvery(Path.of(file)), "dynamodb-capacity-writer");
        writer.setDaemon(true);
        writer.start();
        return java.util.Optional.of(meter);
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        return switch (request) {
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case TransactWriteItemsRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case TransactGetItemsRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            default -> request;
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        List<ConsumedCapacity> consumed = switch (response) {
            case GetItemResponse r -> listOf(r.consumedCapacity());
            case PutItemResponse r -> listOf(r.consumedCapacity());
            case UpdateItemResponse r -> listOf(r.consumedCapacity());
            case DeleteItemResponse r -> listOf(r.consumedCapacity());
            case QueryResponse r -> listOf(r.consumedCapacity());
            case BatchGetItemResponse r -> r.hasConsumedCapacity() ? r.consumedCapacity() : List.of();
            case TransactWriteItemsResponse r -> r.hasConsumedCapacity() ? r.consumedCapacity() : List.of();
            case TransactGetItemsResponse r -> r.hasConsumedCapacity() ? r.consumedCapacity() : List.of();
            default -> null;
        };
        if (consumed == null) {
            return;
        }
        Totals totals = byOperation.computeIfAbsent(context.request().getClass().getSimpleName().replace("Request", ""),
                name -> new Totals());
        totals.calls.increment();
        boolean write = response instanceof PutItemResponse || response instanceof UpdateItemResponse
                || response instanceof DeleteItemResponse || response instanceof TransactWriteItemsResponse;
        for (ConsumedCapacity c : consumed) {
            double units = c.capacityUnits() == null ? 0 : c.capacityUnits();
            double reads = c.readCapacityUnits() != null ? c.readCapacityUnits() : write ? 0 : units;
            double writes = c.writeCapacityUnits() != null ? c.writeCapacityUnits() : write ? units : 0;
            totals.reads.add(reads);
            totals.writes.add(writes);
        }
    }

    /** {@code operation calls read_units write_units}, one line per operation, sorted. */
    public String report() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(byOperation).forEach((operation, t) -> out.append(operation).append(' ').append(t.calls.sum())
                .append(' ').append(t.reads.sum()).append(' ').append(t.writes.sum()).append('\n'));
        return out.toString();
    }

    private static List<ConsumedCapacity> listOf(ConsumedCapacity capacity) {
        return capacity == null ? List.of() : List.of(capacity);
    }

    private void writeEvery(Path file) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        while (true) {
            try {
                Files.writeString(temp, report(), StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Thread.sleep(100);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
