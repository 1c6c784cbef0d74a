package com.milkrun.store.memory;

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
import com.milkrun.orders.Pricing;
import com.milkrun.orders.Shortage;
import com.milkrun.orders.StockEffect;
import com.milkrun.orders.VendorDecision;
import com.milkrun.orders.VendorOrderLine;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.workflow.WorkflowStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders, their timelines and vendor decisions, idempotency keys and customer stats in maps; every method holds the
 * store's lock. Placing and updating change the stock of {@link InMemoryStockStore} while holding it, through the
 * stock store's own lock (always taken second), so each is one atomic unit with the stock; placing starts the order's
 * workflow run in the {@link WorkflowStore} the same way, once nothing else can fail.
 */
public final class InMemoryOrderStore implements OrderStore {
    private static final Keyset<Order> ALL = Keyset.newestFirst("orders", Order::createdAt, Order::orderId);
    private static final Keyset<Order> CUSTOMER =
            Keyset.newestFirst("customer-orders", Order::createdAt, Order::orderId);
    private static final Keyset<VendorOrderLine> VENDOR = Keyset.newestFirstThen("vendor-lines",
            VendorOrderLine::createdAt, VendorOrderLine::orderId, l -> l.line().productId());

    private record KeyId(String userId, String key) {
    }

    private record DecisionId(String orderId, String vendorId) {
    }

    /** A customer's delivery date: what limits count per. */
    private record Day(String userId, LocalDate deliveryDate) {
    }

    /** A customer's units of one dairy's product for a delivery date. */
    private record Held(Day day, StockKey product) {
    }

    private final InMemoryStockStore stock;
    private final WorkflowStore workflows;
    private final InMemoryNotificationStore messages;
    private final Map<String, Order> byId = new HashMap<>();
    private final Map<String, List<OrderEvent>> timelines = new HashMap<>();
    private final Map<DecisionId, VendorDecision> decisions = new LinkedHashMap<>();
    private final Map<KeyId, IdempotencyRecord> keys = new HashMap<>();
    private final Map<String, CustomerStats> stats = new HashMap<>();
    private final Map<Day, Integer> openCashOrders = new HashMap<>();
    private final Map<Held, Integer> unitsHeld = new HashMap<>();

    /** An empty store that reserves the stock of {@code stock} and starts workflow runs in a store of its own. */
    public InMemoryOrderStore(InMemoryStockStore stock) {
        this(stock, new InMemoryWorkflowStore());
    }

    /** An empty store that reserves the stock of {@code stock} and starts workflow runs in {@code workflows}. */
    public InMemoryOrderStore(InMemoryStockStore stock, WorkflowStore workflows) {
        this(stock, workflows, new InMemoryNotificationStore());
    }

    /**
     * An empty store that reserves the stock of {@code stock}, starts workflow runs in {@code workflows} and stores
     * the messages of an order's first steps in {@code messages}.
     */
    public InMemoryOrderStore(InMemoryStockStore stock, WorkflowStore workflows, InMemoryNotificationStore messages) {
        this.stock = stock;
        this.workflows = workflows;
        this.messages = messages;
    }

    @Override
    public synchronized PlaceResult place(Placement placement) {
        Order order = placement.order();
        Map<StockKey, Integer> quantities = quantities(order);
        Order stored = stored(order, order.status(), order.updatedAt(), 1);
        if (placement.pointsToSpend() < 0) {
            throw new IllegalArgumentException("pointsToSpend must not be negative, got " + placement.pointsToSpend());
        }
        requireSameOrder(order.orderId(), placement.placed());
        IdempotencyRecord used = keys.get(new KeyId(order.userId(), placement.idempotencyKey()));
        if (used != null) {
            return new PlaceResult.KeyUsed(used);
        }
        CustomerStats current = stats(order.userId());
        if ((current.orderCount() == 0) != (placement.expectedOrderCount() == 0)
                || current.loyaltyPoints() < placement.pointsToSpend()) {
            return new PlaceResult.StatsChanged();
        }
        if (byId.containsKey(order.orderId())) {
            throw orderExists();
        }
        Optional<PlaceResult> overLimit = overLimit(order, placement.limits());
        if (overLimit.isPresent()) {
            return overLimit.get();
        }
        Map<StockKey, Integer> available = stock.reserveAll(quantities);
        if (!available.isEmpty()) {
            return new PlaceResult.OutOfStock(shortages(order, available));
        }
        try {
            placement.firstSteps().ifPresent(steps -> messages.requireNew(steps.messages()));
            placement.run().ifPresent(started -> workflows.create(started.run(), started.events()));
        } catch (RuntimeException e) {
            // The run's id or a message's id was taken: give the reservation back, so that nothing of the placement stays.
            stock.releaseAll(quantities);
            throw e;
        }
        placement.firstSteps().ifPresent(steps -> messages.saveAllNew(steps.messages(), steps.emails()));
        Order last = placement.stored();
        byId.put(stored.orderId(), stored(last, last.status(), last.updatedAt(), last.version()));
        List<OrderEvent> timeline = new ArrayList<>();
        List<OrderEvent> entries = placement.entries();
        for (int i = 0; i < entries.size(); i++) {
            timeline.add(numbered(entries.get(i), order.orderId(), i + 1));
        }
        timelines.put(order.orderId(), timeline);
        keys.put(new KeyId(order.userId(), placement.idempotencyKey()), new IdempotencyRecord(order.userId(),
                placement.idempotencyKey(), placement.requestHash(), order.orderId(), order.createdAt()));
        stats.put(order.userId(), new CustomerStats(order.userId(), current.orderCount() + 1,
                current.loyaltyPoints() - placement.pointsToSpend()));
        hold(order, 1);
        return new PlaceResult.Placed(stored);
    }

    /** The first limit the order would break, counting what the customer's open orders for its date hold. */
    private Optional<PlaceResult> overLimit(Order order, OrderLimits limits) {
        Day day = new Day(order.userId(), order.deliveryDate());
        if (order.paymentMethod() == PaymentMethod.CASH_ON_DELIVERY
                && openCashOrders.getOrDefault(day, 0) >= limits.maxOpenCashOrders()) {
            return Optional.of(new PlaceResult.OrderLimitReached(limits.maxOpenCashOrders()));
        }
        for (OrderLine line : order.lines()) {
            int already = unitsHeld.getOrDefault(new Held(day, line.stockKey()), 0);
            if (already + line.quantity() > limits.maxUnitsPerProduct()) {
                return Optional.of(new PlaceResult.ProductLimitReached(line.productId(), line.vendorId(),
                        limits.maxUnitsPerProduct(), already));
            }
        }
        return Optional.empty();
    }

    /** Adds the order to ({@code sign} 1) or takes it off (-1) what its customer holds for its date. */
    private void hold(Order order, int sign) {
        Day day = new Day(order.userId(), order.deliveryDate());
        if (order.paymentMethod() == PaymentMethod.CASH_ON_DELIVERY) {
            openCashOrders.merge(day, sign, Integer::sum);
        }
        order.lines().forEach(line -> unitsHeld.merge(new Held(day, line.stockKey()), sign * line.quantity(), Integer::sum));
    }

    @Override
    public synchronized Optional<Order> get(String orderId) {
        return Optional.ofNullable(byId.get(orderId));
    }

    @Override
    public synchronized Optional<IdempotencyRecord> findIdempotencyKey(String userId, String key) {
        return Optional.ofNullable(keys.get(new KeyId(userId, key)));
    }

    @Override
    public synchronized CustomerStats stats(String userId) {
        return stats.getOrDefault(userId, CustomerStats.none(userId));
    }

    @Override
    public synchronized Order update(Order order, StockEffect effect, OrderEvent event) {
        requireSameOrder(order.orderId(), event);
        Order current = byId.get(order.orderId());
        if (current == null) {
            throw DomainException.notFound("Order not found");
        }
        if (current.version() != order.version()) {
            throw new ConcurrentModification("Order");
        }
        Order stored = stored(current, order.status(), order.updatedAt(), order.version() + 1);
        switch (effect) {
            case NONE -> {
            }
            case RELEASE -> {
                stock.releaseAll(quantities(current));
                hold(current, -1);
            }
            case COMMIT -> {
                stock.commitAll(quantities(current));
                hold(current, -1);
                CustomerStats held = stats(current.userId());
                stats.put(current.userId(), new CustomerStats(current.userId(), held.orderCount(),
                        held.loyaltyPoints() + current.pricing().pointsEarned()));
            }
        }
        byId.put(stored.orderId(), stored);
        append(event);
        return stored;
    }

    @Override
    public synchronized void addEvent(OrderEvent event) {
        if (!byId.containsKey(event.orderId())) {
            throw DomainException.notFound("Order not found");
        }
        append(event);
    }

    @Override
    public synchronized boolean addEventOnce(OrderEvent event) {
        if (!byId.containsKey(event.orderId())) {
            throw DomainException.notFound("Order not found");
        }
        if (timelines.getOrDefault(event.orderId(), List.of()).stream().anyMatch(e -> e.what().equals(event.what()))) {
            return false;
        }
        append(event);
        return true;
    }

    @Override
    public synchronized List<OrderEvent> timeline(String orderId) {
        return List.copyOf(timelines.getOrDefault(orderId, List.of()));
    }

    @Override
    public synchronized boolean decide(VendorDecision decision) {
        if (!byId.containsKey(decision.orderId())) {
            throw DomainException.notFound("Order not found");
        }
        return decisions.putIfAbsent(new DecisionId(decision.orderId(), decision.vendorId()), decision) == null;
    }

    @Override
    public synchronized List<VendorDecision> decisions(String orderId) {
        return decisions.values().stream().filter(d -> d.orderId().equals(orderId)).toList();
    }

    @Override
    public synchronized Page<Order> listForUser(String userId, PageRequest page) {
        List<Order> matches = byId.values().stream().filter(o -> o.userId().equals(userId)).toList();
        return CUSTOMER.page(matches, "user=" + userId, page);
    }

    @Override
    public synchronized Page<Order> list(OrderQuery query, PageRequest page) {
        List<Order> matches = byId.values().stream()
                .filter(o -> query.status().map(s -> s == o.status()).orElse(true))
                .filter(o -> query.deliveryDate().map(d -> d.equals(o.deliveryDate())).orElse(true))
                .filter(o -> query.vendorId().map(o::hasVendor).orElse(true))
                .filter(o -> query.pincode().map(p -> p.equals(o.deliveryAddress().zipCode())).orElse(true))
                .toList();
        String filter = "status=" + query.status().map(OrderStatus::wireName).orElse("")
                + "\ndeliveryDate=" + query.deliveryDate().map(LocalDate::toString).orElse("")
                + "\nvendor=" + query.vendorId().orElse("")
                + "\npincode=" + query.pincode().orElse("");
        return ALL.page(matches, filter, page);
    }

    @Override
    public synchronized Page<VendorOrderLine> listForVendor(String vendorId, Optional<LocalDate> deliveryDate,
                                                            Optional<OrderStatus> status, PageRequest page) {
        List<VendorOrderLine> matches = byId.values().stream()
                .filter(o -> deliveryDate.map(d -> d.equals(o.deliveryDate())).orElse(true))
                .filter(o -> status.map(s -> s == o.status()).orElse(true))
                .flatMap(o -> o.lines().stream().filter(l -> l.vendorId().equals(vendorId))
                        .map(l -> new VendorOrderLine(o.orderId(), o.status(), o.deliveryDate(), l,
                                o.deliveryAddress().city(), o.deliveryAddress().zipCode(), o.createdAt(),
                                Optional.ofNullable(decisions.get(new DecisionId(o.orderId(), vendorId)))
                                        .map(VendorDecision::decision))))
                .toList();
        String filter = "vendor=" + vendorId
                + "\ndeliveryDate=" + deliveryDate.map(LocalDate::toString).orElse("")
                + "\nstatus=" + status.map(OrderStatus::wireName).orElse("");
        return VENDOR.page(matches, filter, page);
    }

    /**
     * The units of every line by inventory record, in line order.
     *
     * @throws IllegalArgumentException when two lines name the same product of the same vendor
     */
    private static Map<StockKey, Integer> quantities(Order order) {
        Map<StockKey, Integer> quantities = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            if (quantities.put(line.stockKey(), line.quantity()) != null) {
                throw new IllegalArgumentException("order " + order.orderId() + " has two lines of " + line.stockKey());
            }
        }
        return quantities;
    }

    /** Appends {@code event} to its order's timeline with the next number. */
    private void append(OrderEvent event) {
        List<OrderEvent> timeline = timelines.computeIfAbsent(event.orderId(), id -> new ArrayList<>());
        timeline.add(numbered(event, event.orderId(), timeline.size() + 1));
    }

    private static OrderEvent numbered(OrderEvent e, String orderId, long seq) {
        return new OrderEvent(seq, orderId, e.what(), e.status(), e.byKind(), e.by(), e.note(), e.at());
    }

    private static void requireSameOrder(String orderId, OrderEvent event) {
        if (!event.orderId().equals(orderId)) {
            throw new IllegalArgumentException("event of order " + event.orderId() + " given for order " + orderId);
        }
    }

    private static List<Shortage> shortages(Order order, Map<StockKey, Integer> available) {
        return order.lines().stream().filter(l -> available.containsKey(l.stockKey()))
                .map(l -> new Shortage(l.productId(), l.vendorId(), l.productName(), available.get(l.stockKey()),
                        l.quantity()))
                .toList();
    }


    /** The order as stored: amounts with two decimals (as SQL's NUMERIC(12,2) keeps them), the given version. */
    private static Order stored(Order o, OrderStatus status, Instant updatedAt, long version) {
        Pricing p = o.pricing();
        Pricing pricing = new Pricing(paise(p.subtotal()), paise(p.cgst()), paise(p.sgst()), paise(p.tax()),
                paise(p.baseDeliveryCharge()), paise(p.multiVendorSurcharge()), paise(p.deliveryCharge()),
                paise(p.firstOrderDiscount()), p.pointsRedeemed(), paise(p.discount()), paise(p.totalAmount()));
        List<OrderLine> lines = o.lines().stream().map(l -> new OrderLine(l.productId(), l.vendorId(), l.vendorName(),
                l.productName(), l.unit(), l.quantity(), paise(l.unitPrice()), paise(l.totalPrice()))).toList();
        return new Order(o.orderId(), o.userId(), lines, pricing, status, o.deliveryDate(), o.deliveryAddress(),
                o.paymentMethod(), o.createdAt(), updatedAt, version);
    }

    /**
     * An amount with exactly two decimals.
     *
     * @throws ArithmeticException for fractions of a paisa, which money never has
     */
    private static BigDecimal paise(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static DomainException orderExists() {
        return DomainException.conflict("Conflict", "An order with this id already exists");
    }
}
