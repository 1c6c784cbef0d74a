package com.milkrun.store.dynamo;

import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.shared.PageTokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Keyset pagination over one partition of a table or index, in the order of its sort key: the same opaque tokens as
 * the SQL stores ({@link PageTokens}, bound to the list and its filter). A token holds the string key attributes of
 * the last item returned, from which the next Query's {@code ExclusiveStartKey} is rebuilt; DynamoDB's own
 * {@code LastEvaluatedKey} never reaches a client. A filter (a {@code FilterExpression} and/or a predicate applied here)
 * can leave a Query's answer short, so a page keeps querying until it holds {@code limit + 1} matches or the
 * partition ends; the extra match only tells that another page exists.
 *
 * @param list      the list's name in its tokens
 * @param index     the index queried, or empty for the table itself
 * @param startKey  the names of the attributes of {@code ExclusiveStartKey}: the index's keys and the table's keys
 */
public record Keyset<T>(String list, Optional<String> index, String partitionKey, List<String> startKey,
                        boolean newestFirst, Function<Map<String, AttributeValue>, T> reader) {
    private static final int MAX_QUERY_ROUNDS = 1_000;

    public Keyset {
        startKey = List.copyOf(startKey);
    }

    /** A filter on the items of a partition: an optional expression DynamoDB applies and a predicate applied here. */
    public record Filter(Optional<String> expression, Map<String, String> names, Map<String, AttributeValue> values,
                         Predicate<Map<String, AttributeValue>> predicate) {
        public static Filter none() {
            return new Filter(Optional.empty(), Map.of(), Map.of(), item -> true);
        }
    }

    /**
     * One page of the partition {@code partitionValue}, filtered.
     *
     * @param filterKey what the filter is, written into the tokens so that a token of another filter is refused
     */
    public Page<T> page(DynamoDbClient dynamo, String table, String partitionValue, Filter filter, String filterKey,
                        PageRequest request) {
        Map<String, AttributeValue> start = request.nextToken() == null ? null : startKey(request.nextToken(), filterKey,
                partitionValue);
        List<Map<String, AttributeValue>> matches = new ArrayList<>();
        int wanted = request.limit() + 1;
        for (int round = 0; matches.size() < wanted; round++) {
            if (round == MAX_QUERY_ROUNDS) {
                throw new IllegalStateException("listing " + list + " did not end after " + MAX_QUERY_ROUNDS + " queries");
            }
            QueryResponse response = dynamo.query(query(table, partitionValue, filter, start, wanted - matches.size()));
            for (Map<String, AttributeValue> item : response.items()) {
                if (filter.predicate().test(item)) {
                    matches.add(item);
                }
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                break;
            }
            start = response.lastEvaluatedKey();
        }
        if (matches.size() <= request.limit()) {
            return Page.last(matches.stream().map(reader).toList());
        }
        List<Map<String, AttributeValue>> items = matches.subList(0, request.limit());
        Map<String, AttributeValue> last = items.get(items.size() - 1);
        List<String> key = startKey.stream().map(name -> Attr.string(last, name)).toList();
        return new Page<>(items.stream().map(reader).toList(), Optional.of(PageTokens.encode(list, filterKey, key)));
    }

    private QueryRequest query(String table, String partitionValue, Filter filter, Map<String, AttributeValue> start,
                               int limit) {
        Map<String, String> names = new LinkedHashMap<>(filter.names());
        names.put("#pk", partitionKey);
        Map<String, AttributeValue> values = new LinkedHashMap<>(filter.values());
        values.put(":pk", AttributeValue.fromS(partitionValue));
        QueryRequest.Builder builder = QueryRequest.builder().tableName(table).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(!newestFirst).limit(Math.max(limit, 25)).exclusiveStartKey(start);
        index.ifPresent(builder::indexName);
        filter.expression().ifPresent(builder::filterExpression);
        return builder.build();
    }

    private Map<String, AttributeValue> startKey(String token, String filterKey, String partitionValue) {
        List<String> key = PageTokens.decode(token, list, filterKey, startKey.size());
        Map<String, AttributeValue> start = new LinkedHashMap<>();
        for (int i = 0; i < startKey.size(); i++) {
            start.put(startKey.get(i), AttributeValue.fromS(key.get(i)));
        }
        if (!start.containsKey(partitionKey) || !start.get(partitionKey).s().equals(partitionValue)) {
            throw com.milkrun.shared.PageRequest.invalidToken();
        }
        return start;
    }
}
