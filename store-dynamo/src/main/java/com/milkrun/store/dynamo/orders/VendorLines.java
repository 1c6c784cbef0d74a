package com.milkrun.store.dynamo.orders;

import static com.milkrun.store.dynamo.Attr.s;

import com.milkrun.orders.OrderStatus;
import com.milkrun.orders.VendorOrderLine;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.shared.PageTokens;
import com.milkrun.store.dynamo.Attr;
import com.milkrun.store.dynamo.Names;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * A dairy's order lines, newest order first and then by product, paged: the dairy's shares of orders from
 * {@code vendorId-index} (newest first), each expanded into its lines, with the status of each order from its header
 * (a status change writes only the header). A page can end inside a share; its token holds the share's sort key and
 * the last product returned, and the next page queries from that share on ({@code createdKey <= :key}) and skips
 * the products already returned.
 */
final class VendorLines {
    private static final String LIST = "vendor-lines";
    private static final int QUERY_LIMIT = 25;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Function<Set<String>, Map<String, OrderStatus>> statuses;

    VendorLines(DynamoDbClient dynamo, String table, Function<Set<String>, Map<String, OrderStatus>> statuses) {
        this.dynamo = dynamo;
        this.table = table;
        this.statuses = statuses;
    }

    Page<VendorOrderLine> page(String vendorId, Optional<LocalDate> deliveryDate, Optional<OrderStatus> status,
                               String filterKey, PageRequest request) {
        Optional<List<String>> after = Optional.ofNullable(request.nextToken())
                .map(token -> PageTokens.decode(token, LIST, filterKey, 3));
        List<VendorOrderLine> collected = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamo.query(query(vendorId, deliveryDate, after, start));
            List<Map<String, AttributeValue>> shares = response.items();
            Set<String> orderIds = new LinkedHashSet<>();
            shares.forEach(share -> orderIds.add(Attr.string(share, "orderId")));
            Map<String, OrderStatus> statusOf = orderIds.isEmpty() ? Map.of() : statuses.apply(orderIds);
            for (Map<String, AttributeValue> share : shares) {
                OrderStatus orderStatus = statusOf.get(Attr.string(share, "orderId"));
                if (orderStatus == null || status.map(s -> s != orderStatus).orElse(false)) {
                    continue;
                }
                for (VendorOrderLine line : OrderItems.vendorLines(share, orderStatus)) {
                    if (after.isEmpty() || isAfter(line, after.get())) {
                        collected.add(line);
                    }
                }
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && collected.size() <= request.limit());
        if (collected.size() <= request.limit()) {
            return Page.last(collected);
        }
        List<VendorOrderLine> items = collected.subList(0, request.limit());
        VendorOrderLine last = items.get(items.size() - 1);
        String token = PageTokens.encode(LIST, filterKey,
                List.of(Names.timeSortKey(last.createdAt(), last.orderId()), last.orderId(), last.line().productId()));
        return new Page<>(List.copyOf(items), Optional.of(token));
    }

    /** Whether a line comes after the token's: in a later (older) share, or later in the token's share. */
    private static boolean isAfter(VendorOrderLine line, List<String> after) {
        String key = Names.timeSortKey(line.createdAt(), line.orderId());
        return !key.equals(after.get(0)) || line.line().productId().compareTo(after.get(2)) > 0;
    }

    private QueryRequest query(String vendorId, Optional<LocalDate> deliveryDate, Optional<List<String>> after,
                               Map<String, AttributeValue> start) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":vendor", s(vendorId));
        String keyCondition = "shareVendorId = :vendor";
        if (after.isPresent()) {
            keyCondition += " AND createdKey <= :after";
            values.put(":after", s(after.get().get(0)));
        }
        QueryRequest.Builder builder = QueryRequest.builder().tableName(table).indexName("vendorId-index")
                .keyConditionExpression(keyCondition).scanIndexForward(false).limit(QUERY_LIMIT).exclusiveStartKey(start);
        if (deliveryDate.isPresent()) {
            builder.filterExpression("deliveryDate = :date");
            values.put(":date", s(deliveryDate.get().toString()));
        }
        return builder.expressionAttributeValues(values).build();
    }
}
