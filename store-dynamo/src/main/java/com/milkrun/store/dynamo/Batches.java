package com.milkrun.store.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** BatchGetItem over any number of keys: chunks of 100, unprocessed keys asked again with a growing pause. */
public final class Batches {
    /** DynamoDB's limit of keys per BatchGetItem. */
    public static final int MAX_GET = 100;
    private static final int MAX_ROUNDS = 8;

    private Batches() {
    }

    /** The items found for {@code keys} of one table, in no particular order; keys without an item are left out. */
    public static List<Map<String, AttributeValue>> getAll(DynamoDbClient dynamo, String table,
                                                           List<Map<String, AttributeValue>> keys, boolean consistent) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += MAX_GET) {
            List<Map<String, AttributeValue>> chunk = keys.subList(from, Math.min(keys.size(), from + MAX_GET));
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(chunk)
                    .consistentRead(consistent).build());
            for (int round = 0; !request.isEmpty(); round++) {
                if (round == MAX_ROUNDS) {
                    throw new IllegalStateException("DynamoDB left keys of " + table + " unprocessed " + MAX_ROUNDS + " times");
                }
                pause(round);
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(asked));
                found.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return found;
    }

    private static void pause(int round) {
        if (round == 0) {
            return;
        }
        try {
            Thread.sleep(Math.min(1_000L, 25L << round));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a batch read", e);
        }
    }
}
