package com.milkrun.store.dynamo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Conditional writes whose only interesting failure is a false condition: a store asks whether its write landed.
 * A write that DynamoDB cancels because it met another write in progress on the same item (a
 * {@code TransactionConflict} reason, or {@link TransactionConflictException} for a single-item write) wrote nothing
 * and is sent again a few times, after which its own condition decides. Any other failure is thrown.
 */
public final class ConditionalWrites {
    private static final int ATTEMPTS = 5;
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";
    private static final String CONFLICT = "TransactionConflict";

    private ConditionalWrites() {
    }

    /**
     * Applies {@code actions} all or nothing: one {@code Put} as a PutItem (half the cost of a transaction), more
     * actions as one TransactWriteItems.
     *
     * @return true when written, false when a condition was false (nothing written)
     */
    public static boolean apply(DynamoDbClient dynamo, List<TransactWriteItem> actions) {
        if (actions.isEmpty()) {
            return true;
        }
        if (actions.size() == 1 && actions.get(0).put() != null) {
            PutItemRequest put = putItem(actions.get(0).put());
            return retrying(() -> {
                try {
                    dynamo.putItem(put);
                    return true;
                } catch (ConditionalCheckFailedException e) {
                    return false;
                }
            });
        }
        return retrying(() -> {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(actions));
                return true;
            } catch (TransactionCanceledException e) {
                if (hasReason(e, CONDITION_FAILED)) {
                    return false;
                }
                if (hasReason(e, CONFLICT)) {
                    throw new Conflict(e);
                }
                throw e;
            }
        });
    }

    /**
     * Applies a conditional UpdateItem.
     *
     * @return the item as updated, or empty when the condition was false (nothing written)
     */
    public static Optional<Map<String, AttributeValue>> update(DynamoDbClient dynamo, UpdateItemRequest update) {
        UpdateItemRequest allNew = update.toBuilder().returnValues(ReturnValue.ALL_NEW).build();
        return retrying(() -> {
            try {
                return Optional.of(dynamo.updateItem(allNew).attributes());
            } catch (ConditionalCheckFailedException e) {
                return Optional.empty();
            }
        });
    }

    private static boolean hasReason(TransactionCanceledException e, String code) {
        return e.hasCancellationReasons()
                && e.cancellationReasons().stream().map(CancellationReason::code).anyMatch(code::equals);
    }

    private static PutItemRequest putItem(Put put) {
        PutItemRequest.Builder builder = PutItemRequest.builder().tableName(put.tableName()).item(put.item())
                .conditionExpression(put.conditionExpression());
        if (put.hasExpressionAttributeNames()) {
            builder.expressionAttributeNames(put.expressionAttributeNames());
        }
        if (put.hasExpressionAttributeValues()) {
            builder.expressionAttributeValues(put.expressionAttributeValues());
        }
        return builder.build();
    }

    private static <T> T retrying(Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (TransactionConflictException | Conflict e) {
                if (attempt >= ATTEMPTS) {
                    throw e instanceof Conflict conflict ? conflict.cancellation : e;
                }
                pause(attempt);
            }
        }
    }

    /** A transaction cancelled only because it met another write: worth sending again. */
    private static final class Conflict extends RuntimeException {
        private final TransactionCanceledException cancellation;

        Conflict(TransactionCanceledException cancellation) {
            super(cancellation.getMessage(), cancellation, false, false);
            this.cancellation = cancellation;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(10L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to DynamoDB again", e);
        }
    }
}
