package com.milkrun.store.dynamo.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.milkrun.testing.Race;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Pins, as the AWS SDK for Java v2 reports them, the DynamoDB transaction semantics that the local emulator
 * ({@link DynamoServer}) reproduces and that the DynamoDB store adapters rely on: all-or-nothing
 * {@code TransactWriteItems} with ordered cancellation reasons, its request limits, {@code ClientRequestToken}
 * idempotency, consumed capacity, consistent {@code TransactGetItems} snapshots, and serializability under real
 * concurrency.
 */
class TransactionSemanticsTest {
    private static final String CANCELLED = "Transaction cancelled, please refer cancellation reasons for specific reasons ";

    private final DynamoServer server = DynamoServer.get();
    private final DynamoDbClient client = server.client();
    private String table;

    @BeforeEach
    void createTable() {
        table = newTable("orders");
    }

    @Nested
    class WhenEveryConditionHolds {
        @Test
        void appliesConditionCheckPutUpdateAndDeleteTogether() {
            seed(Map.of("pk", s("milk"), "stock", n(10)));
            seed(Map.of("pk", s("old-order")));
            seed(Map.of("pk", s("vendor"), "active", bool(true)));

            TransactWriteItemsResponse response = client.transactWriteItems(transaction(
                    decrement("milk", 3),
                    putNew(Map.of("pk", s("order-1"), "qty", n(3))),
                    TransactWriteItem.builder().delete(d -> d.tableName(table).key(key("old-order"))
                            .conditionExpression("attribute_exists(pk)")).build(),
                    TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key("vendor"))
                            .conditionExpression("active = :yes").expressionAttributeValues(Map.of(":yes", bool(true))))
                            .build()));

            assertThat(response.hasConsumedCapacity()).isFalse();
            assertThat(item("milk")).isEqualTo(Map.of("pk", s("milk"), "stock", n(7)));
            assertThat(item("order-1")).isEqualTo(Map.of("pk", s("order-1"), "qty", n(3)));
            assertThat(item("old-order")).isEmpty();
            assertThat(item("vendor")).containsEntry("active", bool(true));
        }
    }

    @Nested
    class WhenAConditionFails {
        @Test
        void cancelsWithOneReasonPerActionInOrderAndWritesNothing() {
            seed(Map.of("pk", s("milk"), "stock", n(2)));

            TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                    () -> client.transactWriteItems(transaction(
                            putNew(Map.of("pk", s("order-1"))),
                            decrement("milk", 5),
                            putNew(Map.of("pk", s("order-2"))))));

            assertThat(cancelled).isNotNull();
            assertThat(cancelled.statusCode()).isEqualTo(400);
            assertThat(cancelled.awsErrorDetails().errorMessage())
                    .isEqualTo(CANCELLED + "[None, ConditionalCheckFailed, None]");
            assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code)
                    .containsExactly("None", "ConditionalCheckFailed", "None");
            assertThat(cancelled.cancellationReasons().get(1).message()).isEqualTo("The conditional request failed");
            assertThat(item("order-1")).isEmpty();
            assertThat(item("order-2")).isEmpty();
            assertThat(item("milk")).isEqualTo(Map.of("pk", s("milk"), "stock", n(2)));
        }

        @Test
        void returnsTheStoredItemOnlyWithAllOldAndOnlyWhenItExists() {
            seed(Map.of("pk", s("milk"), "stock", n(1)));
            seed(Map.of("pk", s("curd"), "stock", n(1)));

            TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                    () -> client.transactWriteItems(transaction(
                            check("milk", "stock > :n", ReturnValuesOnConditionCheckFailure.ALL_OLD),
                            check("curd", "stock > :n", ReturnValuesOnConditionCheckFailure.NONE),
                            check("ghee", "stock > :n", ReturnValuesOnConditionCheckFailure.ALL_OLD))));

            List<CancellationReason> reasons = cancelled.cancellationReasons();
            assertThat(reasons).extracting(CancellationReason::code)
                    .containsExactly("ConditionalCheckFailed", "ConditionalCheckFailed", "ConditionalCheckFailed");
            assertThat(reasons.get(0).item()).isEqualTo(Map.of("pk", s("milk"), "stock", n(1)));
            assertThat(reasons.get(1).hasItem()).isFalse();
            assertThat(reasons.get(2).hasItem()).isFalse();
        }

        @Test
        void cancelsWithValidationErrorWhenAnUpdateCannotApplyAndUndoesEarlierWrites() {
            seed(Map.of("pk", s("milk"), "stock", s("not a number")));

            TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                    () -> client.transactWriteItems(transaction(
                            putNew(Map.of("pk", s("order-1"))),
                            TransactWriteItem.builder().update(u -> u.tableName(table).key(key("milk"))
                                    .updateExpression("SET stock = stock - :q")
                                    .expressionAttributeValues(Map.of(":q", n(1)))).build())));

            assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code)
                    .containsExactly("None", "ValidationError");
            assertThat(cancelled.cancellationReasons().get(1).message())
                    .isEqualTo("An operand in the update expression has an incorrect data type");
            assertThat(item("order-1")).isEmpty();
        }
    }

    @Nested
    class RequestValidation {
        @Test
        void acceptsOneHundredActions() {
            client.transactWriteItems(transaction(IntStream.range(0, 100)
                    .mapToObj(i -> putNew(Map.of("pk", s("item-" + i)))).toArray(TransactWriteItem[]::new)));

            assertThat(client.scan(b -> b.tableName(table)).count()).isEqualTo(100);
        }

        @Test
        void rejectsOneHundredAndOneActionsWithValidationException() {
            TransactWriteItem[] actions = IntStream.range(0, 101)
                    .mapToObj(i -> putNew(Map.of("pk", s("item-" + i)))).toArray(TransactWriteItem[]::new);

            DynamoDbException rejected = catchThrowableOfType(DynamoDbException.class,
                    () -> client.transactWriteItems(transaction(actions)));

            assertThat(rejected.statusCode()).isEqualTo(400);
            assertThat(rejected.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(rejected.awsErrorDetails().errorMessage())
                    .startsWith("1 validation error detected: Value '[")
                    .endsWith("at 'transactItems' failed to satisfy constraint: Member must have length less than or equal to 100");
            assertThat(client.scan(b -> b.tableName(table)).count()).isZero();
        }

        @Test
        void rejectsTwoActionsOnTheSameItem() {
            DynamoDbException rejected = catchThrowableOfType(DynamoDbException.class,
                    () -> client.transactWriteItems(transaction(
                            putNew(Map.of("pk", s("milk"), "stock", n(1))),
                            decrement("milk", 1))));

            assertThat(rejected.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(rejected.awsErrorDetails().errorMessage())
                    .isEqualTo("Transaction request cannot include multiple operations on one item");
            assertThat(item("milk")).isEmpty();
        }

        @Test
        void rejectsAnUpdateOfAKeyAttribute() {
            DynamoDbException rejected = catchThrowableOfType(DynamoDbException.class,
                    () -> client.transactWriteItems(transaction(TransactWriteItem.builder()
                            .update(u -> u.tableName(table).key(key("milk")).updateExpression("SET pk = :other")
                                    .expressionAttributeValues(Map.of(":other", s("curd")))).build())));

            assertThat(rejected.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
        }

        @Test
        void rejectsATableThatDoesNotExist() {
            assertThatThrownBy(() -> client.transactWriteItems(transaction(TransactWriteItem.builder()
                    .put(p -> p.tableName("no-such-table").item(Map.of("pk", s("a")))).build())))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Nested
    class ClientRequestToken {
        @Test
        void replayingTheSameRequestSucceedsWithoutApplyingItAgain() {
            seed(Map.of("pk", s("counter"), "n", n(0)));
            TransactWriteItemsRequest request = increment("counter", 1).toBuilder().clientRequestToken("order-42").build();

            client.transactWriteItems(request);
            client.transactWriteItems(request);

            assertThat(item("counter")).containsEntry("n", n(1));
        }

        @Test
        void reusingTheTokenForADifferentRequestIsAMismatch() {
            seed(Map.of("pk", s("counter"), "n", n(0)));
            client.transactWriteItems(increment("counter", 1).toBuilder().clientRequestToken("token-a").build());

            assertThatThrownBy(() -> client.transactWriteItems(
                    increment("counter", 2).toBuilder().clientRequestToken("token-a").build()))
                    .isInstanceOf(IdempotentParameterMismatchException.class);
            assertThat(item("counter")).containsEntry("n", n(1));
        }
    }

    @Nested
    class ConsumedCapacityFigures {
        @Test
        void totalChargesTwoWriteUnitsPerKilobyteAndTwoReadUnitsPerConditionCheck() {
            seed(Map.of("pk", s("vendor"), "active", bool(true)));
            String other = newTable("stock");

            TransactWriteItemsResponse response = client.transactWriteItems(transaction(
                    // 2 + 5 + 4 + 1500 bytes: 2 KB, so 4 write units.
                    putNew(Map.of("pk", s("large"), "data", s("x".repeat(1500)))),
                    TransactWriteItem.builder().put(p -> p.tableName(other).item(Map.of("pk", s("small")))).build(),
                    check("vendor", "attribute_exists(active)", ReturnValuesOnConditionCheckFailure.NONE))
                    .toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());

            assertThat(response.consumedCapacity()).containsExactly(
                    ConsumedCapacity.builder().tableName(table).capacityUnits(6.0).readCapacityUnits(2.0)
                            .writeCapacityUnits(4.0).build(),
                    ConsumedCapacity.builder().tableName(other).capacityUnits(2.0).writeCapacityUnits(2.0).build());
        }

        @Test
        void indexesBreaksTheFigureDownByTableAndGlobalSecondaryIndex() {
            String indexed = newTable("indexed", GlobalSecondaryIndex.builder()
                    .indexName("by-status")
                    .keySchema(hashKey("status"))
                    .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                    .build());

            TransactWriteItemsResponse response = client.transactWriteItems(TransactWriteItemsRequest.builder()
                    .transactItems(TransactWriteItem.builder()
                            .put(p -> p.tableName(indexed).item(Map.of("pk", s("order-1"), "status", s("NEW")))).build())
                    .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                    .build());

            ConsumedCapacity consumed = response.consumedCapacity().get(0);
            assertThat(consumed.tableName()).isEqualTo(indexed);
            assertThat(consumed.capacityUnits()).isEqualTo(4.0);
            assertThat(consumed.table().capacityUnits()).isEqualTo(2.0);
            assertThat(consumed.globalSecondaryIndexes()).containsOnlyKeys("by-status");
            assertThat(consumed.globalSecondaryIndexes().get("by-status").capacityUnits()).isEqualTo(2.0);
        }
    }

    @Nested
    class TransactGetItems {
        @Test
        void answersInRequestOrderWithAnEmptyResponseForAMissingItem() {
            seed(Map.of("pk", s("milk"), "price", n(30), "stock", n(5)));
            seed(Map.of("pk", s("curd"), "price", n(40)));

            TransactGetItemsResponse response = client.transactGetItems(b -> b
                    .transactItems(get("curd"), get("nothing"),
                            TransactGetItem.builder().get(g -> g.tableName(table).key(key("milk"))
                                    .projectionExpression("#p").expressionAttributeNames(Map.of("#p", "price"))).build())
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

            List<ItemResponse> responses = response.responses();
            assertThat(responses).hasSize(3);
            assertThat(responses.get(0).item()).isEqualTo(Map.of("pk", s("curd"), "price", n(40)));
            assertThat(responses.get(1).hasItem()).isFalse();
            assertThat(responses.get(2).item()).isEqualTo(Map.of("price", n(30)));
            assertThat(response.consumedCapacity()).containsExactly(
                    ConsumedCapacity.builder().tableName(table).capacityUnits(6.0).readCapacityUnits(6.0).build());
        }

        @Test
        void rejectsOneHundredAndOneGetsAndTheSameItemTwice() {
            TransactGetItem[] gets = IntStream.range(0, 101).mapToObj(i -> get("item-" + i)).toArray(TransactGetItem[]::new);
            DynamoDbException tooMany = catchThrowableOfType(DynamoDbException.class,
                    () -> client.transactGetItems(b -> b.transactItems(gets)));
            assertThat(tooMany.awsErrorDetails().errorCode()).isEqualTo("ValidationException");

            DynamoDbException twice = catchThrowableOfType(DynamoDbException.class,
                    () -> client.transactGetItems(b -> b.transactItems(get("milk"), get("milk"))));
            assertThat(twice.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(twice.awsErrorDetails().errorMessage())
                    .isEqualTo("Transaction request cannot include multiple operations on one item");
        }

        @Test
        void neverSeesHalfATransfer() {
            seed(Map.of("pk", s("a"), "balance", n(100)));
            seed(Map.of("pk", s("b"), "balance", n(0)));
            int transferThreads = 4;
            int transfersEach = 25;
            AtomicInteger transfersLeft = new AtomicInteger(transferThreads * transfersEach);
            Set<Long> totalsSeen = ConcurrentHashMap.newKeySet();
            AtomicInteger snapshots = new AtomicInteger();

            Race.run(8, racer -> {
                if (racer < transferThreads) {
                    for (int i = 0; i < transfersEach; i++) {
                        client.transactWriteItems(transaction(
                                update("a", "SET balance = balance - :x", "balance >= :x", 1),
                                update("b", "SET balance = balance + :x", null, 1)));
                        transfersLeft.decrementAndGet();
                    }
                } else {
                    do {
                        List<ItemResponse> pair = client.transactGetItems(b -> b.transactItems(get("a"), get("b"))).responses();
                        totalsSeen.add(number(pair.get(0).item(), "balance") + number(pair.get(1).item(), "balance"));
                        snapshots.incrementAndGet();
                    } while (transfersLeft.get() > 0);
                }
                return null;
            }).forEach(outcome -> assertThat(outcome.failure()).isNull());

            assertThat(snapshots.get()).isGreaterThan(4);
            assertThat(totalsSeen).containsExactly(100L);
            assertThat(number(item("a"), "balance")).isZero();
            assertThat(number(item("b"), "balance")).isEqualTo(100);
        }
    }

    @Nested
    class Races {
        @Test
        void eightThreadsOfFiftyTransactionsNeverOversellOneCounter() {
            long initialStock = 300;
            seed(Map.of("pk", s("milk"), "stock", n(initialStock)));
            AtomicBoolean racing = new AtomicBoolean(true);
            AtomicLong lowestSeen = new AtomicLong(Long.MAX_VALUE);
            AtomicReference<RuntimeException> watcherFailure = new AtomicReference<>();
            Thread watcher = new Thread(() -> {
                try {
                    while (racing.get()) {
                        lowestSeen.accumulateAndGet(number(item("milk"), "stock"), Math::min);
                    }
                } catch (RuntimeException e) {
                    watcherFailure.set(e);
                }
            });
            watcher.start();

            List<Race.Outcome<List<Integer>>> outcomes = Race.run(8, racer -> {
                List<Integer> sold = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    int quantity = 1 + (i + racer) % 2;
                    try {
                        client.transactWriteItems(transaction(
                                decrement("milk", quantity),
                                putNew(Map.of("pk", s("order-" + racer + "-" + i), "qty", n(quantity)))));
                        sold.add(quantity);
                    } catch (TransactionCanceledException e) {
                        assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                                .containsExactly("ConditionalCheckFailed", "None");
                    }
                }
                return sold;
            });
            racing.set(false);
            join(watcher);

            List<Integer> sold = new ArrayList<>();
            for (Race.Outcome<List<Integer>> outcome : outcomes) {
                assertThat(outcome.failure()).isNull();
                sold.addAll(outcome.value());
            }
            long finalStock = number(item("milk"), "stock");
            int orders = client.scanPaginator(b -> b.tableName(table).filterExpression("begins_with(pk, :p)")
                    .expressionAttributeValues(Map.of(":p", s("order-")))).stream().mapToInt(page -> page.count()).sum();

            assertThat(watcherFailure.get()).isNull();
            assertThat(lowestSeen.get()).isBetween(0L, initialStock);
            assertThat(finalStock).isBetween(0L, 1L);
            assertThat(finalStock).isEqualTo(initialStock - sold.stream().mapToInt(Integer::intValue).sum());
            assertThat(orders).isEqualTo(sold.size());
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private String newTable(String prefix, GlobalSecondaryIndex... indexes) {
        String name = DynamoServer.uniqueTableName(prefix);
        Set<String> attributes = new HashSet<>(Set.of("pk"));
        for (GlobalSecondaryIndex index : indexes) {
            index.keySchema().forEach(key -> attributes.add(key.attributeName()));
        }
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes.stream().map(attribute -> AttributeDefinition.builder()
                        .attributeName(attribute).attributeType(ScalarAttributeType.S).build()).toList())
                .keySchema(hashKey("pk"));
        if (indexes.length > 0) {
            request.globalSecondaryIndexes(indexes);
        }
        server.createTable(request.build());
        return name;
    }

    private void seed(Map<String, AttributeValue> item) {
        client.putItem(b -> b.tableName(table).item(item));
    }

    private Map<String, AttributeValue> item(String pk) {
        return client.getItem(b -> b.tableName(table).key(key(pk)).consistentRead(true)).item();
    }

    private TransactWriteItemsRequest transaction(TransactWriteItem... actions) {
        return TransactWriteItemsRequest.builder().transactItems(actions).build();
    }

    private TransactWriteItemsRequest increment(String pk, long by) {
        return transaction(update(pk, "SET n = n + :x", null, by));
    }

    private TransactWriteItem decrement(String pk, long quantity) {
        return update(pk, "SET stock = stock - :x", "stock >= :x", quantity);
    }

    private TransactWriteItem update(String pk, String expression, String condition, long x) {
        return TransactWriteItem.builder().update(u -> u.tableName(table).key(key(pk)).updateExpression(expression)
                .conditionExpression(condition).expressionAttributeValues(Map.of(":x", n(x)))).build();
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
                .conditionExpression("attribute_not_exists(pk)")).build();
    }

    private TransactWriteItem check(String pk, String condition, ReturnValuesOnConditionCheckFailure onFailure) {
        Map<String, AttributeValue> values = condition.contains(":n") ? Map.of(":n", n(5)) : null;
        return TransactWriteItem.builder().conditionCheck(c -> c.tableName(table).key(key(pk))
                .conditionExpression(condition).expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(onFailure)).build();
    }

    private TransactGetItem get(String pk) {
        return TransactGetItem.builder().get(g -> g.tableName(table).key(key(pk))).build();
    }

    private static KeySchemaElement hashKey(String attribute) {
        return KeySchemaElement.builder().attributeName(attribute).keyType(KeyType.HASH).build();
    }

    private static Map<String, AttributeValue> key(String pk) {
        return new HashMap<>(Map.of("pk", s(pk)));
    }

    private static long number(Map<String, AttributeValue> item, String attribute) {
        return Long.parseLong(item.get(attribute).n());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
