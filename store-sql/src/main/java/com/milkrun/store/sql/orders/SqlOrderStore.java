package com.milkrun.store.sql.orders;

import com.milkrun.inventory.StockKey;
import com.milkrun.orders.CustomerStats;
import com.milkrun.orders.IdempotencyRecord;
import com.milkrun.orders.Order;
import com.milkrun.orders.OrderEvent;
import com.milkrun.orders.OrderLimits;
import com.milkrun.orders.OrderLine;
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
import com.milkrun.store.sql.Jdbc;
import com.milkrun.store.sql.SqlDialect;
import com.milkrun.store.sql.SqlKeyset;
import com.milkrun.store.sql.SqlStoreException;
import com.milkrun.store.sql.UniqueViolation;
import com.milkrun.store.sql.Where;
import com.milkrun.store.sql.notifications.NewMessageRows;
import com.milkrun.store.sql.workflow.NewRunRows;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Orders in {@code orders} and {@code order_lines}, their timelines in {@code order_events} and their vendors'
 * decisions in {@code vendor_decisions}, with {@code idempotency_keys}, {@code customer_stats} and the
 * {@code inventory} rows they reserve.
 *
 * <p>{@link #place} is one READ COMMITTED transaction of conditional writes, in a fixed lock order: (1) insert the
 * idempotency key, whose primary key makes a concurrent second insert of the same key wait for the first
 * transaction and fail once it commits; (2) the customer's stats, updated only if they are what the pricing
 * assumed; (3) what the customer holds for the delivery date ({@code customer_day_orders} and
 * {@code customer_day_units}), counted up only while under the placement's limits, so that concurrent orders of one
 * customer take turns on those rows and cannot slip past them; (4) the order, its lines, its first timeline entry
 * and its workflow run (new rows nobody else waits for); (5) {@code reserved += q} of each line, only while {@code stock - reserved >= q}, in (vendor, product) order
 * so that two placements never wait for each other in a cycle, and last so that the contended inventory rows are
 * locked for the shortest time. Any other answer than placed rolls everything back. {@link #update} locks the order
 * row, then the stats, then (when the order stops holding stock) the customer's rows for the date, then the
 * inventory rows in the same order, and appends its entry while holding the order row;
 * {@link #addEvent} and {@link #decide} lock the order row first too, so that an order's entries and decisions are
 * numbered one after the other. A transaction the database aborts for a deadlock, a serialization failure or a lock
 * timeout runs again, a few times.
 */
public final class SqlOrderStore implements OrderStore {
    private static final int ATTEMPTS = 5;
    /**
     * SQLSTATEs of transactions worth running again: serialization failure (PostgreSQL) or deadlock (H2), deadlock
     * (PostgreSQL), lock timeout (H2) and concurrent update (H2).
     */
    private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "HYT00", "90131");
    private static final Comparator<OrderLine> LOCK_ORDER =
            Comparator.comparing(OrderLine::vendorId).thenComparing(OrderLine::productId);

    private static final SqlKeyset<Order> ALL =
            SqlKeyset.newestFirst("orders", "created_at", "order_id", Order::createdAt, Order::orderId);
    private static final SqlKeyset<Order> CUSTOMER =
            SqlKeyset.newestFirst("customer-orders", "created_at", "order_id", Order::createdAt, Order::orderId);
    private static final SqlKeyset<VendorOrderLine> VENDOR = SqlKeyset.newestFirstThen("vendor-lines", "l.created_at",
            "l.order_id", "l.product_id", VendorOrderLine::createdAt, VendorOrderLine::orderId,
            v -> v.line().productId());

    private static final String UPDATE_STATUS = "UPDATE orders SET status = ?, updated_at = ?, version = version + 1"
            + " WHERE order_id = ? AND version = ?";
    /**
     * PostgreSQL: a status change that touches no stock as one statement, whose INSERT of the entry takes its row
     * only from the UPDATE's RETURNING (nothing when the version did not match). The entry is numbered after the
     * last one as of the statement's start; should an entry appended meanwhile (under the order row's lock, which
     * this UPDATE waited for) take that number, the key refuses the insert, the statement changes nothing and runs
     * again.
     */
    private static final String UPDATE_WITH_EVENT = "WITH changed AS (" + UPDATE_STATUS + " RETURNING order_id)"
            + " INSERT INTO order_events (" + OrderRows.EVENT_COLUMNS + ") SELECT changed.order_id,"
            + " (SELECT COALESCE(MAX(seq), 0) + 1 FROM order_events WHERE order_id = ?), ?, ?, ?, ?, ?, ?"
            + " FROM changed";
    /** An entry numbered after the order's last one by the insert itself, which saves a round trip. */
    private static final String APPEND_EVENT = "INSERT INTO order_events (" + OrderRows.EVENT_COLUMNS + ") VALUES (?,"
            + " (SELECT COALESCE(MAX(seq), 0) + 1 FROM order_events WHERE order_id = ?), ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_JOINED = "SELECT " + OrderRows.JOINED_COLUMNS
            + " FROM orders o JOIN order_lines l ON l.order_id = o.order_id";
    private static final String RESERVE = "UPDATE inventory SET reserved = reserved + ?, updated_at = ?,"
            + " version = version + 1 WHERE vendor_id = ? AND product_id = ? AND stock - reserved >= ?";
    private static final String RELEASE = "UPDATE inventory SET reserved = reserved - ?, updated_at = ?,"
            + " version = version + 1 WHERE vendor_id = ? AND product_id = ? AND reserved >= ?";
    private static final String HOLD_ORDER = "UPDATE customer_day_orders SET open_cash_orders = open_cash_orders + 1"
            + " WHERE user_id = ? AND delivery_date = ? AND open_cash_orders < ?";
    private static final String HOLD_UNITS = "UPDATE customer_day_units SET units = units + ?"
            + " WHERE user_id = ? AND delivery_date = ? AND vendor_id = ? AND product_id = ? AND units <= ?";
    private static final String LET_GO_ORDER = "UPDATE customer_day_orders SET open_cash_orders = open_cash_orders - 1"
            + " WHERE user_id = ? AND delivery_date = ? AND open_cash_orders > 0";
    private static final String LET_GO_UNITS = "UPDATE customer_day_units SET units = units - ?"
            + " WHERE user_id = ? AND delivery_date = ? AND vendor_id = ? AND product_id = ? AND units >= ?";
    private static final String COMMIT = "UPDATE inventory SET stock = stock - ?, reserved = reserved - ?,"
            + " updated_at = ?, version = version + 1 WHERE vendor_id = ? AND product_id = ? AND reserved >= ?";

    /** Ends a placement transaction with a rollback and the answer to give. */
    private static final class Rejected extends RuntimeException {
        private final PlaceResult result;

        Rejected(PlaceResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /**
     * Another transaction claimed the idempotency key: the insert waited for it (PostgreSQL and H2 alike) and failed
     * once it committed.
     */
    private static final class KeyClaimed extends RuntimeException {
        KeyClaimed() {
            super(null, null, false, false);
        }
    }

    /** A concurrent transaction got in the way in a way the next attempt will see; run the transaction again. */
    private static final class TryAgain extends RuntimeException {
        TryAgain(String message) {
            super(message, null, false, false);
        }
    }

    private final Jdbc jdbc;
    private final boolean oneStatementUpdate;

    /** @param dialect which database: on PostgreSQL a status change without a stock effect is one statement */
    public SqlOrderStore(Jdbc jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.oneStatementUpdate = dialect == SqlDialect.POSTGRESQL;
    }

    @Override
    public PlaceResult place(Placement placement) {
        if (placement.pointsToSpend() < 0) {
            throw new IllegalArgumentException("pointsToSpend must not be negative, got " + placement.pointsToSpend());
        }
        Order order = OrderRows.stored(placement.order(), 1);
        requireSameOrder(order.orderId(), placement.placed());
        List<OrderLine> lockOrder = inLockOrder(order);
        return retrying(() -> {
            try {
                return jdbc.inTransaction(tx -> placeOnce(tx, placement, order, lockOrder));
            } catch (Rejected r) {
                return r.result;
            } catch (KeyClaimed k) {
                return new PlaceResult.KeyUsed(findIdempotencyKey(order.userId(), placement.idempotencyKey())
                        .orElseThrow(() -> new TryAgain("the claim of the idempotency key was rolled back")));
            }
        });
    }

    @Override
    public Optional<Order> get(String orderId) {
        return read(jdbc, orderId);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotencyKey(String userId, String key) {
        return jdbc.queryOne("SELECT " + OrderRows.KEY_COLUMNS + " FROM idempotency_keys"
                + " WHERE user_id = ? AND idempotency_key = ?", OrderRows::key, userId, key);
    }

    @Override
    public CustomerStats stats(String userId) {
        return jdbc.query(readStats(userId));
    }

    /** {@link #stats} as a read to send with others ({@link Jdbc#queryAll}). */
    public Jdbc.Read<CustomerStats> readStats(String userId) {
        return Jdbc.Read.rows("SELECT order_count, loyalty_points FROM customer_stats WHERE user_id = ?",
                row -> OrderRows.stats(userId, row), List.of(userId))
                .then(rows -> rows.isEmpty() ? CustomerStats.none(userId) : rows.get(0));
    }

    @Override
    public Order update(Order order, StockEffect effect, OrderEvent event) {
        requireSameOrder(order.orderId(), event);
        if (oneStatementUpdate && effect == StockEffect.NONE) {
            Object[] entry = OrderRows.eventValues(event, 0);
            List<Object> params = new ArrayList<>(List.of(order.status().wireName(), order.updatedAt(),
                    order.orderId(), order.version(), event.orderId()));
            params.addAll(Arrays.asList(entry).subList(2, entry.length));
            return retrying(() -> {
                try {
                    if (jdbc.update(UPDATE_WITH_EVENT, params.toArray()) == 0) {
                        throw missingOrStale(jdbc, order.orderId());
                    }
                } catch (UniqueViolation e) {
                    throw new TryAgain("another entry of the order was appended meanwhile");
                }
                return OrderRows.stored(order, order.version() + 1);
            });
        }
        return retrying(() -> jdbc.inTransaction(tx -> {
            int changed = tx.update(UPDATE_STATUS, order.status().wireName(), order.updatedAt(), order.orderId(),
                    order.version());
            if (changed == 0) {
                throw missingOrStale(tx, order.orderId());
            }
            // the row was at order.version(), so it holds what the caller read, changed as the UPDATE says: no
            // need to read it back
            Order stored = OrderRows.stored(order, order.version() + 1);
            Instant now = stored.updatedAt();
            switch (effect) {
                case NONE -> {
                }
                case RELEASE -> {
                    letGo(tx, stored);
                    applyToStock(tx, stored, effect, now);
                }
                case COMMIT -> {
                    earnPoints(tx, stored.userId(), stored.pricing().pointsEarned());
                    letGo(tx, stored);
                    applyToStock(tx, stored, effect, now);
                }
            }
            appendEvent(tx, event);
            return stored;
        }));
    }

    @Override
    public void addEvent(OrderEvent event) {
        retrying(() -> jdbc.inTransaction(tx -> {
            lockOrder(tx, event.orderId());
            appendEvent(tx, event);
            return null;
        }));
    }

    @Override
    public boolean addEventOnce(OrderEvent event) {
        return retrying(() -> jdbc.inTransaction(tx -> {
            lockOrder(tx, event.orderId());
            if (tx.queryOne("SELECT 1 FROM order_events WHERE order_id = ? AND what = ?", row -> row.getInt(1),
                    event.orderId(), event.what()).isPresent()) {
                return false;
            }
            appendEvent(tx, event);
            return true;
        }));
    }

    @Override
    public List<OrderEvent> timeline(String orderId) {
        return jdbc.query("SELECT " + OrderRows.EVENT_COLUMNS + " FROM order_events WHERE order_id = ? ORDER BY seq",
                OrderRows::event, orderId);
    }

    @Override
    public boolean decide(VendorDecision decision) {
        return retrying(() -> jdbc.inTransaction(tx -> {
            lockOrder(tx, decision.orderId());
            List<String> decided = tx.query("SELECT vendor_id FROM vendor_decisions WHERE order_id = ?",
                    row -> row.getString(1), decision.orderId());
            if (decided.contains(decision.vendorId())) {
                return false;
            }
            tx.update("INSERT INTO vendor_decisions (" + OrderRows.DECISION_COLUMNS + ") VALUES ("
                    + Where.placeholders(7) + ")", OrderRows.decisionValues(decision, decided.size() + 1L));
            return true;
        }));
    }

    @Override
    public List<VendorDecision> decisions(String orderId) {
        return jdbc.query("SELECT " + OrderRows.DECISION_COLUMNS + " FROM vendor_decisions WHERE order_id = ?"
                + " ORDER BY seq", OrderRows::vendorDecision, orderId);
    }

    @Override
    public Page<Order> listForUser(String userId, PageRequest page) {
        return listOrders(CUSTOMER, new Where().and("user_id = ?", userId), "user=" + userId, page);
    }

    @Override
    public Page<Order> list(OrderQuery query, PageRequest page) {
        String filter = "status=" + query.status().map(OrderStatus::wireName).orElse("")
                + "\ndeliveryDate=" + query.deliveryDate().map(LocalDate::toString).orElse("")
                + "\nvendor=" + query.vendorId().orElse("")
                + "\npincode=" + query.pincode().orElse("");
        Where where = new Where();
        query.status().ifPresent(status -> where.and("status = ?", status.wireName()));
        query.deliveryDate().ifPresent(date -> where.and("delivery_date = ?", date));
        query.vendorId().ifPresent(vendorId -> where.and(
                "EXISTS (SELECT 1 FROM order_lines v WHERE v.order_id = o.order_id AND v.vendor_id = ?)", vendorId));
        query.pincode().ifPresent(pincode -> where.and("zip_code = ?", pincode));
        return listOrders(ALL, where, filter, page);
    }

    @Override
    public Page<VendorOrderLine> listForVendor(String vendorId, Optional<LocalDate> deliveryDate,
                                               Optional<OrderStatus> status, PageRequest page) {
        String filter = "vendor=" + vendorId
                + "\ndeliveryDate=" + deliveryDate.map(LocalDate::toString).orElse("")
                + "\nstatus=" + status.map(OrderStatus::wireName).orElse("");
        Where where = new Where().and("l.vendor_id = ?", vendorId);
        deliveryDate.ifPresent(date -> where.and("l.delivery_date = ?", date));
        status.ifPresent(s -> where.and("o.status = ?", s.wireName()));
        VENDOR.continueAfter(where, filter, page);
        String sql = "SELECT " + OrderRows.VENDOR_LINE_COLUMNS + " FROM order_lines l JOIN orders o"
                + " ON o.order_id = l.order_id LEFT JOIN vendor_decisions d"
                + " ON d.order_id = l.order_id AND d.vendor_id = l.vendor_id" + where.sql() + VENDOR.orderAndLimit();
        return VENDOR.page(jdbc.query(sql, OrderRows::vendorLine, where.params(VENDOR.fetchSize(page))), filter, page);
    }

    /**
     * One try at placing: every write of the order goes in one {@link Jdbc#updateAll} (on PostgreSQL one round trip):
     * the claim of the idempotency key first, then the customer's stats, what the customer holds for the date, the
     * order with its lines and timeline, its run and first messages when given, and the reservations, in lock order
     * and last, so that the contended inventory rows stay locked for as short a time as possible (bench/README.md:
     * +15 % on a hot product). A key claimed already fails the first write, and nothing after it runs. Then the
     * counts say what held: the first refusal in that order (stats, limits, stock) rolls everything back.
     */
    private static PlaceResult placeOnce(Jdbc tx, Placement placement, Order order, List<OrderLine> lockOrder) {
        OrderLimits limits = placement.limits();
        boolean cash = order.paymentMethod() == PaymentMethod.CASH_ON_DELIVERY;
        List<Jdbc.Write> writes = new ArrayList<>();
        writes.add(claimKey(placement, order));
        int stats = writes.size();
        writes.add(countOrder(order.userId(), placement.expectedOrderCount(), placement.pointsToSpend()));
        int firstOrder = writes.size();
        if (cash) {
            writes.add(holdOrder(order, limits));
        }
        int firstUnits = writes.size();
        lockOrder.forEach(line -> writes.add(holdUnits(order, line, limits)));
        writes.addAll(orderWrites(placement.firstSteps().isEmpty() ? order
                : OrderRows.stored(placement.stored(), placement.stored().version()), placement.entries()));
        placement.run().ifPresent(started -> writes.addAll(NewRunRows.writes(started.run(), started.events())));
        placement.firstSteps().ifPresent(steps -> writes.addAll(NewMessageRows.writes(steps.messages(), steps.emails())));
        int firstReserve = writes.size();
        lockOrder.forEach(line -> writes.add(Jdbc.Write.of(RESERVE, line.quantity(), order.createdAt(), line.vendorId(),
                line.productId(), line.quantity())));
        int[] changed;
        try {
            changed = tx.updateAll(writes);
        } catch (UniqueViolation e) {
            // the key, the order, its run or one of its messages exists already
            String table = e.table().orElse("orders");
            if (table.equals("idempotency_keys")) {
                throw new KeyClaimed();
            }
            if (table.equals("workflow_runs")) {
                throw new ConcurrentModification("Workflow run " + placement.run().map(r -> r.run().runId()).orElse(""));
            }
            if (table.equals("notifications") || table.equals("email_deliveries")) {
                throw new ConcurrentModification("A notification of the order's first steps");
            }
            throw DomainException.conflict("Conflict", "An order with this id already exists");
        }
        if (changed[stats] == 0 && !firstOrderWithoutStats(tx, order.userId(), placement.expectedOrderCount(),
                placement.pointsToSpend())) {
            throw new Rejected(new PlaceResult.StatsChanged());
        }
        if (cash && changed[firstOrder] == 0) {
            holdFirstOrder(tx, order, limits).ifPresent(limit -> {
                throw new Rejected(limit);
            });
        }
        Map<StockKey, Integer> over = new HashMap<>();
        for (int i = 0; i < lockOrder.size(); i++) {
            if (changed[firstUnits + i] == 0) {
                OrderLine line = lockOrder.get(i);
                holdFirstUnits(tx, order, line, limits).ifPresent(held -> over.put(line.stockKey(), held));
            }
        }
        order.lines().stream().filter(l -> over.containsKey(l.stockKey())).findFirst().ifPresent(l -> {
            throw new Rejected(new PlaceResult.ProductLimitReached(l.productId(), l.vendorId(),
                    limits.maxUnitsPerProduct(), over.get(l.stockKey())));
        });
        Set<StockKey> short_ = new HashSet<>();
        for (int i = 0; i < lockOrder.size(); i++) {
            if (changed[firstReserve + i] == 0) {
                short_.add(lockOrder.get(i).stockKey());
            }
        }
        if (!short_.isEmpty()) {
            throw new Rejected(new PlaceResult.OutOfStock(shortages(tx, order, short_)));
        }
        return new PlaceResult.Placed(order);
    }

    /** The order, its lines and its first timeline entries (numbered 1, 2, ...), each table in one insert. */
    private static List<Jdbc.Write> orderWrites(Order order, List<OrderEvent> entries) {
        List<Jdbc.Write> writes = new ArrayList<>();
        writes.add(Jdbc.Write.rows("INSERT INTO orders (" + OrderRows.ORDER_COLUMNS + ")",
                List.of(OrderRows.orderValues(order))));
        List<List<?>> lines = new ArrayList<>();
        for (int lineNo = 0; lineNo < order.lines().size(); lineNo++) {
            lines.add(OrderRows.lineValues(order, lineNo, order.lines().get(lineNo)));
        }
        writes.add(Jdbc.Write.rows("INSERT INTO order_lines (" + OrderRows.LINE_COLUMNS + ")", lines));
        if (!entries.isEmpty()) {
            List<List<?>> events = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                events.add(Arrays.asList(OrderRows.eventValues(entries.get(i), i + 1)));
            }
            writes.add(Jdbc.Write.rows("INSERT INTO order_events (" + OrderRows.EVENT_COLUMNS + ")", events));
        }
        return writes;
    }

    /** Claims the idempotency key for the order: a key claimed already breaks the table's primary key. */
    private static Jdbc.Write claimKey(Placement placement, Order order) {
        return Jdbc.Write.of("INSERT INTO idempotency_keys (" + OrderRows.KEY_COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
                order.userId(), placement.idempotencyKey(), placement.requestHash(), order.orderId(), order.createdAt());
    }

    /**
     * Counts the order and spends the points if the stats are as priced: a first-order price needs no earlier order,
     * any other price needs at least one. Changes no row when they are not (or the customer has no stats yet).
     */
    private static Jdbc.Write countOrder(String userId, int expectedOrderCount, int pointsToSpend) {
        return Jdbc.Write.of("UPDATE customer_stats SET order_count = order_count + 1,"
                + " loyalty_points = loyalty_points - ? WHERE user_id = ?"
                + " AND ((? = 0 AND order_count = 0) OR (? > 0 AND order_count > 0))"
                + " AND loyalty_points >= ?", pointsToSpend, userId, expectedOrderCount, expectedOrderCount, pointsToSpend);
    }

    /**
     * After {@link #countOrder} changed no row: a customer without stats placing a first order priced as one gets
     * them (true); otherwise the stats are not as priced (false).
     */
    private static boolean firstOrderWithoutStats(Jdbc tx, String userId, int expectedOrderCount, int pointsToSpend) {
        boolean hasStats = tx.queryOne("SELECT order_count FROM customer_stats WHERE user_id = ?",
                row -> row.getInt(1), userId).isPresent();
        if (hasStats || expectedOrderCount != 0 || pointsToSpend != 0) {
            return false;
        }
        insertStats(tx, userId, 1, 0);
        return true;
    }

    /** Counts a cash-on-delivery order into the customer's open ones for its date, while under the limit. */
    private static Jdbc.Write holdOrder(Order order, OrderLimits limits) {
        return Jdbc.Write.of(HOLD_ORDER, order.userId(), order.deliveryDate(), limits.maxOpenCashOrders());
    }

    /** Counts a line's units into what the customer holds of its product for the date, while within the limit. */
    private static Jdbc.Write holdUnits(Order order, OrderLine line, OrderLimits limits) {
        int q = line.quantity();
        return Jdbc.Write.of(HOLD_UNITS, q, order.userId(), order.deliveryDate(), line.vendorId(), line.productId(),
                limits.maxUnitsPerProduct() - q);
    }

    /**
     * After {@link #holdOrder} changed no row: the customer's first cash order for the date starts the count; when a
     * count exists (another transaction may have made it since), counting again under the limit decides.
     */
    private static Optional<PlaceResult> holdFirstOrder(Jdbc tx, Order order, OrderLimits limits) {
        if (tx.queryOne("SELECT open_cash_orders FROM customer_day_orders WHERE user_id = ? AND delivery_date = ?",
                row -> row.getInt(1), order.userId(), order.deliveryDate()).isEmpty()) {
            insertHolding(tx, "INSERT INTO customer_day_orders (user_id, delivery_date, open_cash_orders) VALUES (?, ?, 1)",
                    order.userId(), order.deliveryDate());
            return Optional.empty();
        }
        return tx.update(holdOrder(order, limits)) == 1 ? Optional.empty()
                : Optional.of(new PlaceResult.OrderLimitReached(limits.maxOpenCashOrders()));
    }

    /**
     * After {@link #holdUnits} changed no row: the customer's first units of the product for the date start the count
     * (when within the limit); when a count exists (another transaction may have made it since), counting again
     * within the limit decides. Answers the units held when the line breaks the limit.
     */
    private static Optional<Integer> holdFirstUnits(Jdbc tx, Order order, OrderLine line, OrderLimits limits) {
        int q = line.quantity();
        Optional<Integer> held = tx.queryOne("SELECT units FROM customer_day_units WHERE user_id = ? AND delivery_date = ?"
                + " AND vendor_id = ? AND product_id = ?", row -> row.getInt(1), order.userId(), order.deliveryDate(),
                line.vendorId(), line.productId());
        if (held.isEmpty()) {
            if (q > limits.maxUnitsPerProduct()) {
                return Optional.of(0);
            }
            insertHolding(tx, "INSERT INTO customer_day_units (user_id, delivery_date, vendor_id, product_id, units)"
                    + " VALUES (?, ?, ?, ?, ?)", order.userId(), order.deliveryDate(), line.vendorId(), line.productId(), q);
            return Optional.empty();
        }
        return tx.update(holdUnits(order, line, limits)) == 1 ? Optional.empty() : held;
    }

    /** Takes an order that stops holding stock off what its customer holds for its date. */
    private static void letGo(Jdbc tx, Order order) {
        if (order.paymentMethod() == PaymentMethod.CASH_ON_DELIVERY) {
            tx.update(LET_GO_ORDER, order.userId(), order.deliveryDate());
        }
        for (OrderLine line : inLockOrder(order)) {
            tx.update(LET_GO_UNITS, line.quantity(), order.userId(), order.deliveryDate(), line.vendorId(), line.productId(),
                    line.quantity());
        }
    }

    private static void insertHolding(Jdbc tx, String sql, Object... values) {
        try {
            tx.update(sql, values);
        } catch (UniqueViolation e) {
            throw new TryAgain("the customer's holdings for the date were created concurrently");
        }
    }

    /** The short lines, in the order's line order, with what is available of each. */
    private static List<Shortage> shortages(Jdbc tx, Order order, Set<StockKey> short_) {
        Map<StockKey, Integer> available = available(tx, short_);
        return order.lines().stream().filter(l -> short_.contains(l.stockKey()))
                .map(l -> new Shortage(l.productId(), l.vendorId(), l.productName(),
                        available.getOrDefault(l.stockKey(), 0), l.quantity()))
                .toList();
    }

    /** {@code stock - reserved} of the keys that have an inventory row. */
    private static Map<StockKey, Integer> available(Jdbc tx, Set<StockKey> keys) {
        List<Object> params = new ArrayList<>();
        keys.forEach(key -> {
            params.add(key.vendorId());
            params.add(key.productId());
        });
        String anyKey = String.join(" OR ", Collections.nCopies(keys.size(), "(vendor_id = ? AND product_id = ?)"));
        Map<StockKey, Integer> available = new HashMap<>();
        tx.query("SELECT vendor_id, product_id, stock - reserved AS available FROM inventory WHERE " + anyKey,
                row -> Map.entry(new StockKey(row.getString("vendor_id"), row.getString("product_id")),
                        row.getInt("available")), params)
                .forEach(entry -> available.put(entry.getKey(), entry.getValue()));
        return available;
    }

    /** Releases or commits every line's reservation, in lock order. */
    private static void applyToStock(Jdbc tx, Order order, StockEffect effect, Instant now) {
        for (OrderLine line : inLockOrder(order)) {
            int q = line.quantity();
            int changed = effect == StockEffect.COMMIT
                    ? tx.update(COMMIT, q, q, now, line.vendorId(), line.productId(), q)
                    : tx.update(RELEASE, q, now, line.vendorId(), line.productId(), q);
            if (changed == 0) {
                throw new IllegalStateException("fewer than " + q + " units of " + line.stockKey()
                        + " are reserved for order " + order.orderId());
            }
        }
    }

    private static void earnPoints(Jdbc tx, String userId, int points) {
        if (points == 0) {
            return;
        }
        int changed = tx.update("UPDATE customer_stats SET loyalty_points = loyalty_points + ? WHERE user_id = ?",
                points, userId);
        if (changed == 0) {
            insertStats(tx, userId, 0, points);
        }
    }

    private static void insertStats(Jdbc tx, String userId, int orderCount, int loyaltyPoints) {
        try {
            tx.update("INSERT INTO customer_stats (user_id, order_count, loyalty_points) VALUES (?, ?, ?)",
                    userId, orderCount, loyaltyPoints);
        } catch (UniqueViolation e) {
            throw new TryAgain("the customer's stats were created concurrently");
        }
    }


    private Page<Order> listOrders(SqlKeyset<Order> keyset, Where where, String filter, PageRequest page) {
        keyset.continueAfter(where, filter, page);
        String sql = "SELECT " + OrderRows.JOINED_COLUMNS + " FROM (SELECT * FROM orders o" + where.sql()
                + keyset.orderAndLimit() + ") o JOIN order_lines l ON l.order_id = o.order_id"
                + " ORDER BY o.created_at DESC, o.order_id DESC, l.line_no";
        List<Order> fetched = OrderRows.fold(jdbc.query(sql, OrderRows::mapJoined, where.params(keyset.fetchSize(page))));
        return keyset.page(fetched, filter, page);
    }

    private static Optional<Order> read(Jdbc jdbc, String orderId) {
        return OrderRows.fold(jdbc.query(SELECT_JOINED + " WHERE o.order_id = ? ORDER BY l.line_no",
                OrderRows::mapJoined, orderId)).stream().findFirst();
    }

    /**
     * The lines sorted by (vendor, product), the order every transaction locks inventory rows in.
     *
     * @throws IllegalArgumentException when two lines name the same product of the same vendor
     */
    private static List<OrderLine> inLockOrder(Order order) {
        List<OrderLine> sorted = order.lines().stream().sorted(LOCK_ORDER).toList();
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).stockKey().equals(sorted.get(i - 1).stockKey())) {
                throw new IllegalArgumentException("order " + order.orderId() + " has two lines of "
                        + sorted.get(i).stockKey());
            }
        }
        return sorted;
    }

    /** Appends {@code event} numbered after the order's last entry; the caller holds the order row's lock. */
    private static void appendEvent(Jdbc tx, OrderEvent event) {
        Object[] values = OrderRows.eventValues(event, 0);
        values[1] = event.orderId();
        tx.update(APPEND_EVENT, values);
    }

    /**
     * Locks the order's row until the transaction ends, so that writers of its entries and decisions take turns.
     *
     * @throws DomainException NotFound when there is no such order
     */
    private static void lockOrder(Jdbc tx, String orderId) {
        if (tx.queryOne("SELECT version FROM orders WHERE order_id = ? FOR UPDATE", row -> row.getLong(1), orderId)
                .isEmpty()) {
            throw DomainException.notFound("Order not found");
        }
    }

    private static void requireSameOrder(String orderId, OrderEvent event) {
        if (!event.orderId().equals(orderId)) {
            throw new IllegalArgumentException("event of order " + event.orderId() + " given for order " + orderId);
        }
    }

    private static <T> T retrying(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (TryAgain e) {
                if (attempt >= ATTEMPTS) {
                    throw new IllegalStateException("gave up after " + ATTEMPTS + " attempts: " + e.getMessage());
                }
            } catch (SqlStoreException e) {
                if (attempt >= ATTEMPTS || e.sqlState() == null || !TRANSIENT.contains(e.sqlState())) {
                    throw e;
                }
            }
        }
    }

    private static DomainException missingOrStale(Jdbc tx, String orderId) {
        boolean exists = tx.queryOne("SELECT version FROM orders WHERE order_id = ?", row -> row.getLong(1), orderId)
                .isPresent();
        return exists ? new ConcurrentModification("Order") : DomainException.notFound("Order not found");
    }
}
