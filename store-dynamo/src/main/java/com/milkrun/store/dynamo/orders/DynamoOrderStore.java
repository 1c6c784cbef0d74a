package com.milkrun.store.dynamo.orders;

import static com.milkrun.store.dynamo.Attr.n;
import static com.milkrun.store.dynamo.Attr.s;
import static com.milkrun.store.dynamo.Attr.time;

import com.milkrun.inventory.StockKey;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.OutboundEmail;
import com.milkrun.orders.CustomerStats;
import com.milkrun.orders.IdempotencyRecord;
import com.milkrun.orders.Order;
import com.milkrun.orders.OrderEvent;
import com.milkrun.orders.OrderLine;
import com.milkrun.orders.OrderLimits;
import com.milkrun.orders.OrderQuery;
import com.milkrun.orders.OrderStatus;
import com.milkrun.orders.OrderStore;
import com.milkrun.orders.PaymentMethod;
import com.milkrun.orders.PlaceResult;
import com.milkrun.orders.Placement;
import com.milkrun.orders.Shortage;
import com.milkrun.orders.StockEffect;
import com.milkrun.orders.VendorDecision;
import com.milkrun.orders.VendorOrderLine;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.store.dynamo.Attr;
import com.milkrun.store.dynamo.Batches;
import com.milkrun.store.dynamo.Keyset;
import com.milkrun.store.dynamo.TableSpec;
import com.milkrun.store.dynamo.inventory.DynamoStockStore;
import com.milkrun.store.dynamo.notifications.NotificationItems;
import com.milkrun.store.dynamo.workflow.RunItems;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Orders in the Orders table ({@link OrderItems}), with the Inventory items they reserve, the workflow runs they
 * start and the messages their first steps send.
 *
 * <p>{@link #place} is one {@code TransactWriteItems}, in this order: the idempotency key (absent), the customer's
 * stats (as priced), the customer's holdings for the date (under the limits), one reservation per line
 * ({@code available >= q}), the order header (absent), its first timeline entries, one share per dairy, the run and
 * the first steps' messages. DynamoDB cancels all of it when any condition fails and names the failed actions, which
 * map to the answer in that order: key used, stats changed, a limit reached, stock short. A placement that would need
 * more than DynamoDB's 100 actions (dozens of lines from dozens of dairies) is refused with {@code OrderTooLarge}
 * before anything is written.
 *
 * <p>Every other write of an order goes through its header: a status change requires the header's {@code version},
 * an appended entry its {@code eventCount} (the entry is numbered one after), a decision its {@code decisionCount};
 * all in one transaction with what they write, so racing writers take turns and the loser reads again.
 */
public final class DynamoOrderStore implements OrderStore {
    public static final TableSpec TABLE = OrderItems.TABLE;
    /** DynamoDB's limit of actions in one TransactWriteItems. */
    public static final int MAX_ACTIONS = 100;
    private static final int ATTEMPTS = 8;
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private static final Keyset<Order> ALL = new Keyset<>("orders", Optional.of("listing-index"), "listing",
            List.of("listing", "createdKey", "orderId", "sk"), true, OrderItems::order);
    private static final Keyset<Order> PENDING = new Keyset<>("pending-orders", Optional.of("pending-index"),
            OrderItems.PENDING_LISTING, List.of(OrderItems.PENDING_LISTING, "createdKey", "orderId", "sk"), true,
            OrderItems::order);
    private static final Keyset<Order> CUSTOMER = new Keyset<>("customer-orders", Optional.of("userId-index"), "userId",
            List.of("userId", "createdKey", "orderId", "sk"), true, OrderItems::order);

    private final DynamoDbClient dynamo;
    private final OrderTables tables;

    public DynamoOrderStore(DynamoDbClient dynamo, OrderTables tables) {
        this.dynamo = dynamo;
        this.tables = tables;
    }

    // ---------------------------------------------------------------- placing

    @Override
    public PlaceResult place(Placement placement) {
        if (placement.pointsToSpend() < 0) {
            throw new IllegalArgumentException("pointsToSpend must not be negative, got " + placement.pointsToSpend());
        }
        Order order = placement.order();
        requireSameOrder(order.orderId(), placement.placed());
        requireDistinctStock(order);
        Order stored = placement.stored();
        List<OrderEvent> entries = placement.entries();
        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(put(tables.orders(), OrderItems.idempotencyItem(order.userId(), placement.idempotencyKey(),
                placement.requestHash(), order), "attribute_not_exists(orderId)"));
        actions.add(countOrder(order.userId(), placement.expectedOrderCount(), placement.pointsToSpend()));
        actions.add(hold(order, placement.limits()));
        int firstReservation = actions.size();
        order.lines().forEach(line -> actions.add(reserve(line, order)));
        int header = actions.size();
        actions.add(put(tables.orders(), OrderItems.header(stored, entries.size(),
                entries.stream().map(OrderEvent::what).toList()), "attribute_not_exists(orderId)"));
        for (int i = 0; i < entries.size(); i++) {
            actions.add(put(tables.orders(), OrderItems.event(entries.get(i), i + 1L), null));
        }
        new TreeSet<>(order.lines().stream().map(OrderLine::vendorId).toList())
                .forEach(vendorId -> actions.add(put(tables.orders(), OrderItems.share(stored, vendorId), null)));
        int run = actions.size();
        placement.run().ifPresent(started -> actions.addAll(RunItems.newRun(tables.runs(), started.run(), started.events())));
        int messages = actions.size();
        placement.firstSteps().ifPresent(steps -> {
            Map<String, OutboundEmail> emails = new HashMap<>();
            steps.emails().forEach(email -> emails.put(email.notificationId(), email));
            for (Notification message : steps.messages()) {
                actions.addAll(NotificationItems.newMessage(tables.notifications(), message,
                        Optional.ofNullable(emails.get(message.notificationId()))));
            }
        });
        if (actions.size() > MAX_ACTIONS) {
            throw DomainException.invalid("OrderTooLarge", "This order needs " + actions.size()
                    + " writes in one transaction, more than DynamoDB's " + MAX_ACTIONS + "; split it into smaller orders");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(actions));
                return new PlaceResult.Placed(withVersion(order, 1));
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.cancellationReasons();
                if (failed(reasons, 0)) {
                    Optional<IdempotencyRecord> used = findIdempotencyKey(order.userId(), placement.idempotencyKey());
                    if (used.isPresent()) {
                        return new PlaceResult.KeyUsed(used.get());
                    }
                } else if (failed(reasons, 1)) {
                    return new PlaceResult.StatsChanged();
                } else if (failed(reasons, 2)) {
                    return overLimit(order, placement.limits(), reasons.get(2));
                } else if (anyFailed(reasons, firstReservation, header)) {
                    List<Shortage> shortages = shortages(order);
                    if (!shortages.isEmpty()) {
                        return new PlaceResult.OutOfStock(shortages);
                    }
                } else if (failed(reasons, header)) {
                    throw DomainException.conflict("Conflict", "An order with this id already exists");
                } else if (anyFailed(reasons, run, messages)) {
                    throw new ConcurrentModification("Workflow run");
                } else if (anyFailed(reasons, messages, actions.size())) {
                    throw new ConcurrentModification("Notification");
                }
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException("placing order " + order.orderId() + " gave up after " + ATTEMPTS
                            + " attempts: " + e.getMessage());
                }
            }
        }
    }

    /**
     * Counts the order and spends the points if the stats are as priced: a first-order price needs no earlier order
     * (a customer without stats has none), any other price needs at least one.
     */
    private TransactWriteItem countOrder(String userId, int expectedOrderCount, int pointsToSpend) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":zero", n(0), ":one", n(1), ":points", n(pointsToSpend)));
        List<String> conditions = new ArrayList<>();
        conditions.add(expectedOrderCount == 0 ? "(attribute_not_exists(orderCount) OR orderCount = :zero)"
                : "orderCount > :zero");
        if (pointsToSpend > 0) {
            conditions.add("loyaltyPoints >= :points");
        }
        return TransactWriteItem.builder().update(u -> u.tableName(tables.orders()).key(OrderItems.statsKey(userId))
                .updateExpression("SET orderCount = if_not_exists(orderCount, :zero) + :one,"
                        + " loyaltyPoints = if_not_exists(loyaltyPoints, :zero) - :points")
                .conditionExpression(String.join(" AND ", conditions))
                .expressionAttributeValues(values)).build();
    }

    /**
     * Counts the order into its customer's holdings for the date: one more open cash-on-delivery order while fewer
     * than the limit, and each line's units while the product's total stays within its limit.
     */
    private TransactWriteItem hold(Order order, OrderLimits limits) {
        List<String> sets = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":zero", n(0)));
        if (order.paymentMethod() == PaymentMethod.CASH_ON_DELIVERY) {
            sets.add("openCashOrders = if_not_exists(openCashOrders, :zero) + :one");
            conditions.add("(attribute_not_exists(openCashOrders) OR openCashOrders < :maxOrders)");
            values.put(":one", n(1));
            values.put(":maxOrders", n(limits.maxOpenCashOrders()));
        }
        List<OrderLine> lines = order.lines();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            names.put("#u" + i, OrderItems.unitsAttribute(line));
            values.put(":q" + i, n(line.quantity()));
            int room = limits.maxUnitsPerProduct() - line.quantity();
            values.put(":room" + i, n(room));
            sets.add("#u" + i + " = if_not_exists(#u" + i + ", :zero) + :q" + i);
            // more units than the limit in one line can never be held, whatever the customer holds already
            conditions.add(room < 0 ? "#u" + i + " <= :room" + i : "(attribute_not_exists(#u" + i + ") OR #u" + i + " <= :room" + i + ")");
        }
        return TransactWriteItem.builder().update(u -> u.tableName(tables.orders())
                .key(OrderItems.dayKey(order.userId(), order.deliveryDate()))
                .updateExpression("SET " + String.join(", ", sets))
                .conditionExpression(String.join(" AND ", conditions))
                .expressionAttributeNames(names.isEmpty() ? null : names)
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
    }

    /** The limit a refused hold broke: the open orders first, then the first line (in the order's order) over its limit. */
    private PlaceResult overLimit(Order order, OrderLimits limits, CancellationReason reason) {
        Map<String, AttributeValue> held = reason.hasItem() && reason.item() != null ? reason.item()
                : read(tables.orders(), OrderItems.dayKey(order.userId(), order.deliveryDate())).orElse(Map.of());
        if (order.paymentMethod() == PaymentMethod.CASH_ON_DELIVERY && held.containsKey("openCashOrders")
                && Attr.integer(held, "openCashOrders") >= limits.maxOpenCashOrders()) {
            return new PlaceResult.OrderLimitReached(limits.maxOpenCashOrders());
        }
        for (OrderLine line : order.lines()) {
            String attribute = OrderItems.unitsAttribute(line);
            int already = held.containsKey(attribute) ? Attr.integer(held, attribute) : 0;
            if (already + line.quantity() > limits.maxUnitsPerProduct()) {
                return new PlaceResult.ProductLimitReached(line.productId(), line.vendorId(), limits.maxUnitsPerProduct(),
                        already);
            }
        }
        throw new IllegalStateException("the holdings of " + order.userId() + " for " + order.deliveryDate()
                + " refused the order but are within the limits");
    }

    private TransactWriteItem reserve(OrderLine line, Order order) {
        return TransactWriteItem.builder().update(u -> u.tableName(tables.inventory())
                .key(DynamoStockStore.key(line.stockKey()))
                .updateExpression("SET reserved = reserved + :q, available = available - :q, updatedAt = :now"
                        + " ADD version :one")
                .conditionExpression("available >= :q")
                .expressionAttributeValues(Map.of(":q", n(line.quantity()), ":now", time(order.createdAt()), ":one", n(1))))
                .build();
    }

    /** The lines whose stock is short right now, in the order's line order. */
    private List<Shortage> shortages(Order order) {
        List<Map<String, AttributeValue>> keys = order.lines().stream().map(l -> DynamoStockStore.key(l.stockKey())).toList();
        Map<StockKey, Integer> available = new HashMap<>();
        for (Map<String, AttributeValue> item : Batches.getAll(dynamo, tables.inventory(), keys, true)) {
            available.put(new StockKey(Attr.string(item, "vendorId"), Attr.string(item, "productId")),
                    Attr.integer(item, "available"));
        }
        return order.lines().stream().filter(l -> available.getOrDefault(l.stockKey(), 0) < l.quantity())
                .map(l -> new Shortage(l.productId(), l.vendorId(), l.productName(), available.getOrDefault(l.stockKey(), 0),
                        l.quantity()))
                .toList();
    }

    // ---------------------------------------------------------------- reading

    @Override
    public Optional<Order> get(String orderId) {
        return header(orderId).map(OrderItems::order);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotencyKey(String userId, String key) {
        return read(tables.orders(), OrderItems.idempotencyKey(userId, key)).map(OrderItems::idempotencyRecord);
    }

    @Override
    public CustomerStats stats(String userId) {
        return read(tables.orders(), OrderItems.statsKey(userId)).map(item -> OrderItems.stats(userId, item))
                .orElse(CustomerStats.none(userId));
    }

    @Override
    public List<OrderEvent> timeline(String orderId) {
        return queryPartition(orderId, "event#").stream().map(OrderItems::event).toList();
    }

    @Override
    public List<VendorDecision> decisions(String orderId) {
        return queryPartition(orderId, "decision#").stream()
                .sorted(Comparator.comparingLong(item -> Attr.longValue(item, "seq")))
                .map(OrderItems::decision).toList();
    }

    @Override
    public Page<Order> listForUser(String userId, PageRequest page) {
        return CUSTOMER.page(dynamo, tables.orders(), userId, Keyset.Filter.none(), "user=" + userId, page);
    }

    @Override
    public Page<Order> list(OrderQuery query, PageRequest page) {
        String filterKey = "status=" + query.status().map(OrderStatus::wireName).orElse("")
                + "\ndeliveryDate=" + query.deliveryDate().map(LocalDate::toString).orElse("")
                + "\nvendor=" + query.vendorId().orElse("")
                + "\npincode=" + query.pincode().orElse("");
        List<String> conditions = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        boolean pending = query.status().equals(Optional.of(OrderStatus.PENDING));
        query.status().filter(status -> !pending).ifPresent(status -> {
            conditions.add("#status = :status");
            names.put("#status", "status");
            values.put(":status", s(status.wireName()));
        });
        query.deliveryDate().ifPresent(date -> {
            conditions.add("deliveryDate = :date");
            values.put(":date", s(date.toString()));
        });
        query.vendorId().ifPresent(vendorId -> {
            conditions.add("contains(vendorIds, :vendor)");
            values.put(":vendor", s(vendorId));
        });
        query.pincode().ifPresent(pincode -> {
            conditions.add("zipCode = :pincode");
            values.put(":pincode", s(pincode));
        });
        Keyset.Filter filter = new Keyset.Filter(conditions.isEmpty() ? Optional.empty()
                : Optional.of(String.join(" AND ", conditions)), names, values, item -> true);
        // Pending orders are few at any time (seconds each): their sparse index spares reading every other order
        return (pending ? PENDING : ALL).page(dynamo, tables.orders(), LISTING_PARTITION, filter, filterKey, page);
    }

    private static final String LISTING_PARTITION = OrderItems.LISTING;

    @Override
    public Page<VendorOrderLine> listForVendor(String vendorId, Optional<LocalDate> deliveryDate,
                                               Optional<OrderStatus> status, PageRequest page) {
        String filterKey = "vendor=" + vendorId
                + "\ndeliveryDate=" + deliveryDate.map(LocalDate::toString).orElse("")
                + "\nstatus=" + status.map(OrderStatus::wireName).orElse("");
        return new VendorLines(dynamo, tables.orders(), this::statuses).page(vendorId, deliveryDate, status, filterKey, page);
    }

    /** The status of each of these orders, from their headers. */
    private Map<String, OrderStatus> statuses(Set<String> orderIds) {
        List<Map<String, AttributeValue>> keys = orderIds.stream().map(OrderItems::headerKey).toList();
        Map<String, OrderStatus> statuses = new HashMap<>();
        for (Map<String, AttributeValue> item : Batches.getAll(dynamo, tables.orders(), keys, true)) {
            Order order = OrderItems.order(item);
            statuses.put(order.orderId(), order.status());
        }
        return statuses;
    }

    // ---------------------------------------------------------------- changing

    @Override
    public Order update(Order order, StockEffect effect, OrderEvent event) {
        requireSameOrder(order.orderId(), event);
        return retrying(() -> {
            Map<String, AttributeValue> current = header(order.orderId())
                    .orElseThrow(() -> DomainException.notFound("Order not found"));
            if (Attr.longValue(current, "version") != order.version()) {
                throw new ConcurrentModification("Order");
            }
            long last = Attr.longValue(current, "eventCount");
            Order stored = withVersion(order, order.version() + 1);
            List<TransactWriteItem> actions = new ArrayList<>();
            boolean pending = order.status() == OrderStatus.PENDING;
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", s(order.status().wireName()),
                    ":now", time(order.updatedAt()), ":next", n(stored.version()), ":version", n(order.version()),
                    ":last", n(last), ":one", n(1), ":what", AttributeValue.fromSs(List.of(event.what()))));
            if (pending) {
                values.put(":listing", s(OrderItems.LISTING));
            }
            actions.add(TransactWriteItem.builder().update(u -> u.tableName(tables.orders())
                    .key(OrderItems.headerKey(order.orderId()))
                    .updateExpression("SET #status = :status, updatedAt = :now, version = :next, eventCount = :last + :one"
                            + (pending ? ", #pending = :listing" : "") + " ADD whats :what"
                            + (pending ? "" : " REMOVE #pending"))
                    .conditionExpression("version = :version AND eventCount = :last")
                    .expressionAttributeNames(Map.of("#status", "status", "#pending", OrderItems.PENDING_LISTING))
                    .expressionAttributeValues(values)).build());
            actions.add(put(tables.orders(), OrderItems.event(event, last + 1), "attribute_not_exists(orderId)"));
            if (effect != StockEffect.NONE) {
                actions.add(letGo(stored));
                if (effect == StockEffect.COMMIT && stored.pricing().pointsEarned() > 0) {
                    actions.add(earnPoints(stored.userId(), stored.pricing().pointsEarned()));
                }
                stored.lines().forEach(line -> actions.add(applyToStock(line, effect, stored)));
            }
            try {
                dynamo.transactWriteItems(b -> b.transactItems(actions));
                return stored;
            } catch (TransactionCanceledException e) {
                if (failed(e.cancellationReasons(), 0) || failed(e.cancellationReasons(), 1)) {
                    throw new TryAgain();
                }
                throw new IllegalStateException("the stock or holdings of order " + order.orderId()
                        + " do not hold what it reserved: " + e.getMessage());
            }
        });
    }

    /** Takes an order that stops holding stock off what its customer holds for its date. */
    private TransactWriteItem letGo(Order order) {
        List<String> adds = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        if (order.paymentMethod() == PaymentMethod.CASH_ON_DELIVERY) {
            adds.add("openCashOrders :minusOne");
            values.put(":minusOne", n(-1));
        }
        List<OrderLine> lines = order.lines();
        for (int i = 0; i < lines.size(); i++) {
            names.put("#u" + i, OrderItems.unitsAttribute(lines.get(i)));
            values.put(":q" + i, n(-lines.get(i).quantity()));
            adds.add("#u" + i + " :q" + i);
        }
        return TransactWriteItem.builder().update(u -> u.tableName(tables.orders())
                .key(OrderItems.dayKey(order.userId(), order.deliveryDate()))
                .updateExpression("ADD " + String.join(", ", adds))
                .conditionExpression("attribute_exists(orderId)")
                .expressionAttributeNames(names.isEmpty() ? null : names)
                .expressionAttributeValues(values)).build();
    }

    private TransactWriteItem earnPoints(String userId, int points) {
        return TransactWriteItem.builder().update(u -> u.tableName(tables.orders()).key(OrderItems.statsKey(userId))
                .updateExpression("SET orderCount = if_not_exists(orderCount, :zero) ADD loyaltyPoints :points")
                .expressionAttributeValues(Map.of(":zero", n(0), ":points", n(points)))).build();
    }

    private TransactWriteItem applyToStock(OrderLine line, StockEffect effect, Order order) {
        String update = effect == StockEffect.COMMIT
                ? "SET stock = stock - :q, reserved = reserved - :q, updatedAt = :now ADD version :one"
                : "SET reserved = reserved - :q, available = available + :q, updatedAt = :now ADD version :one";
        return TransactWriteItem.builder().update(u -> u.tableName(tables.inventory())
                .key(DynamoStockStore.key(line.stockKey())).updateExpression(update)
                .conditionExpression("reserved >= :q")
                .expressionAttributeValues(Map.of(":q", n(line.quantity()), ":now", time(order.updatedAt()), ":one", n(1))))
                .build();
    }

    @Override
    public void addEvent(OrderEvent event) {
        append(event, false);
    }

    @Override
    public boolean addEventOnce(OrderEvent event) {
        return append(event, true);
    }

    private boolean append(OrderEvent event, boolean once) {
        return retrying(() -> {
            Map<String, AttributeValue> current = header(event.orderId())
                    .orElseThrow(() -> DomainException.notFound("Order not found"));
            if (once && current.containsKey("whats") && current.get("whats").ss().contains(event.what())) {
                return false;
            }
            long last = Attr.longValue(current, "eventCount");
            try {
                dynamo.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder().update(u -> u.tableName(tables.orders())
                                .key(OrderItems.headerKey(event.orderId()))
                                .updateExpression("SET eventCount = :last + :one ADD whats :what")
                                .conditionExpression("eventCount = :last")
                                .expressionAttributeValues(Map.of(":last", n(last), ":one", n(1),
                                        ":what", AttributeValue.fromSs(List.of(event.what()))))).build(),
                        put(tables.orders(), OrderItems.event(event, last + 1), "attribute_not_exists(orderId)")));
                return true;
            } catch (TransactionCanceledException e) {
                throw new TryAgain();
            }
        });
    }

    @Override
    public boolean decide(VendorDecision decision) {
        return retrying(() -> {
            Map<String, AttributeValue> current = header(decision.orderId())
                    .orElseThrow(() -> DomainException.notFound("Order not found"));
            if (read(tables.orders(), OrderItems.decisionKey(decision.orderId(), decision.vendorId())).isPresent()) {
                return false;
            }
            long count = Attr.longValue(current, "decisionCount");
            List<TransactWriteItem> actions = new ArrayList<>();
            actions.add(TransactWriteItem.builder().update(u -> u.tableName(tables.orders())
                    .key(OrderItems.headerKey(decision.orderId()))
                    .updateExpression("SET decisionCount = :count + :one")
                    .conditionExpression("decisionCount = :count")
                    .expressionAttributeValues(Map.of(":count", n(count), ":one", n(1)))).build());
            actions.add(put(tables.orders(), OrderItems.decision(decision, count + 1), "attribute_not_exists(orderId)"));
            if (current.get("vendorIds").ss().contains(decision.vendorId())) {
                actions.add(TransactWriteItem.builder().update(u -> u.tableName(tables.orders())
                        .key(OrderItems.shareKey(decision.orderId(), decision.vendorId()))
                        .updateExpression("SET decision = :decision")
                        .conditionExpression("attribute_exists(orderId)")
                        .expressionAttributeValues(Map.of(":decision", s(decision.decision().wireName())))).build());
            }
            try {
                dynamo.transactWriteItems(b -> b.transactItems(actions));
                return true;
            } catch (TransactionCanceledException e) {
                if (failed(e.cancellationReasons(), 1)) {
                    return false;
                }
                throw new TryAgain();
            }
        });
    }

    // ---------------------------------------------------------------- helpers

    private Optional<Map<String, AttributeValue>> header(String orderId) {
        return read(tables.orders(), OrderItems.headerKey(orderId));
    }

    private Optional<Map<String, AttributeValue>> read(String table, Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** The items of an order's partition whose sort key starts with {@code prefix}, in sort key order. */
    private List<Map<String, AttributeValue>> queryPartition(String orderId, String prefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamo.query(b -> b.tableName(tables.orders()).consistentRead(true)
                    .keyConditionExpression("orderId = :order AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":order", s(orderId), ":prefix", s(prefix)))
                    .exclusiveStartKey(from));
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    private static TransactWriteItem put(String table, Map<String, AttributeValue> item, String condition) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression(condition)).build();
    }

    private static boolean failed(List<CancellationReason> reasons, int index) {
        return index < reasons.size() && CONDITION_FAILED.equals(reasons.get(index).code());
    }

    private static boolean anyFailed(List<CancellationReason> reasons, int from, int to) {
        for (int i = from; i < to; i++) {
            if (failed(reasons, i)) {
                return true;
            }
        }
        return false;
    }

    private static void requireSameOrder(String orderId, OrderEvent event) {
        if (!event.orderId().equals(orderId)) {
            throw new IllegalArgumentException("event of order " + event.orderId() + " given for order " + orderId);
        }
    }

    private static void requireDistinctStock(Order order) {
        Set<StockKey> seen = new HashSet<>();
        for (OrderLine line : order.lines()) {
            if (!seen.add(line.stockKey())) {
                throw new IllegalArgumentException("order " + order.orderId() + " has two lines of " + line.stockKey());
            }
        }
    }

    private static Order withVersion(Order o, long version) {
        return new Order(o.orderId(), o.userId(), o.lines(), o.pricing(), o.status(), o.deliveryDate(),
                o.deliveryAddress(), o.paymentMethod(), o.createdAt(), o.updatedAt(), version);
    }

    /** A concurrent writer got in the way; read again and retry. */
    private static final class TryAgain extends RuntimeException {
        TryAgain() {
            super(null, null, false, false);
        }
    }

    private static <T> T retrying(Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (TryAgain e) {
                if (n >= ATTEMPTS * 4) {
                    throw new IllegalStateException("gave up after " + n + " attempts against concurrent writers");
                }
            }
        }
    }
}
