package com.milkrun.orders;

import com.milkrun.access.Principal;
import com.milkrun.catalog.Vendor;
import com.milkrun.inventory.StockKey;
import com.milkrun.inventory.StockLevel;
import com.milkrun.inventory.StockStore;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import com.milkrun.shared.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Quoting and placing an order: validation, the customer's profile and address, the catalog's prices, pricing
 * (discounts, points, minimum value) and the atomic placement with the stock reservation and the idempotency key.
 */
public final class PlaceOrder {
    public static final int MAX_IDEMPOTENCY_KEY = 255;
    private static final int PRICING_ATTEMPTS = 3;

    private final OrderStore orders;
    private final StockStore stock;
    private final DraftOrder drafts;
    private final DeliveryWindow window;
    private final OrderValidator validator;
    private final OrderProcessing processing;
    private final OrderLimits limits;
    private final Clock clock;

    /**
     * @param reads  what placing reads before it writes (the customer, the catalog, the dairies' owners, the
     *               customer's stats)
     * @param limits what one customer may hold for one delivery date
     */
    public PlaceOrder(OrderStore orders, PlacingReads reads, StockStore stock, DeliveryWindow window,
                      OrderProcessing processing, OrderLimits limits, Clock clock) {
        this.orders = orders;
        this.limits = limits;
        this.stock = stock;
        this.drafts = new DraftOrder(reads);
        this.window = window;
        this.validator = new OrderValidator(window);
        this.processing = processing;
        this.clock = clock;
    }

    /**
     * Reads ahead, for the request being answered, what quoting or placing this request will read first: the
     * customer's account with the catalog and the customer's stats, in one read where the store can. The caller's
     * token check then finds the account without reading it apart. Nothing of it is shown to anyone before
     * {@link #quote} or {@link #place} is called for the authenticated caller; a request that would not pass
     * validation reads nothing ahead (it is refused before anything is read).
     *
     * @param customerId whom the request's verified token names, before the account is checked
     */
    public void readAhead(String customerId, OrderRequest request) {
        ValidOrderRequest valid;
        try {
            valid = validator.validate(request, clock.instant());
        } catch (DomainException invalid) {
            return;
        }
        drafts.readAhead(customerId, valid);
    }

    /**
     * Prices an order exactly as {@link #place} would and tells whether the stock is there right now, storing and
     * reserving nothing (placing decides the stock for good).
     */
    public Quote quote(Principal caller, OrderRequest request) {
        ValidOrderRequest valid = validator.validate(request, clock.instant());
        DraftOrder.Draft draft = drafts.draft(caller, valid);
        Pricing pricing = price(draft, draft.stats(), valid.redeemPoints());
        List<Shortage> shortages = shortages(draft.lines());
        if (!shortages.isEmpty()) {
            throw insufficientStock(shortages);
        }
        return new Quote(draft.lines(), pricing, valid.deliveryDate(), window.estimatedDelivery(valid.deliveryDate()));
    }

    /**
     * Places an order, or answers the order an earlier request with the same key placed.
     *
     * @throws DomainException {@code MissingIdempotencyKey}, {@code ValidationError}, {@code ProfileIncomplete},
     *         {@code NotFound} (address), {@code ProductNotFound}, {@code NotDeliverable}, {@code MinimumOrderValue},
     *         {@code InsufficientStock}, {@code IdempotencyKeyReused}, 409 {@code OrderLimitReached},
     *         409 {@code ProductLimitReached}
     */
    public PlacedOrder place(Principal caller, OrderRequest request, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw DomainException.invalid("MissingIdempotencyKey", "Idempotency-Key header is required");
        }
        if (idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
            throw DomainException.invalid("InvalidIdempotencyKey", "Idempotency-Key must be at most " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        Instant now = clock.instant();
        ValidOrderRequest valid = validator.validate(request, now);
        String hash = requestHash(valid);
        // A key used before is found by the placing transaction itself, which claims it first (KeyUsed): a new order,
        // the common case, reads nothing to find out. A retry that today's catalog, profile or prices would refuse
        // still answers the order its first request placed.
        DraftOrder.Draft draft;
        try {
            draft = drafts.draft(caller, valid);
        } catch (DomainException refused) {
            return replayIfUsed(caller, idempotencyKey, hash, refused);
        }
        for (int attempt = 0; attempt < PRICING_ATTEMPTS; attempt++) {
            // the stats were read with the catalog; after another order of this customer landed, they are read again
            CustomerStats stats = attempt == 0 ? draft.stats() : orders.stats(caller.userId());
            Pricing pricing;
            try {
                pricing = price(draft, stats, valid.redeemPoints());
            } catch (DomainException refused) {
                return replayIfUsed(caller, idempotencyKey, hash, refused);
            }
            Order order = new Order(Ids.newId("order"), caller.userId(), draft.lines(), pricing, OrderStatus.PENDING,
                    valid.deliveryDate(), draft.address(), valid.paymentMethod(), now, now, 0);
            Optional<OrderProcessing.Prepared> run = processing.prepare(order, () -> audience(draft));
            OrderEvent placedEvent = OrderEvent.of(order.orderId(), "Placed", order.status(), "customer", draft.customerName(),
                    "", now);
            PlaceResult result = orders.place(new Placement(order, idempotencyKey, hash, stats.orderCount(),
                    pricing.pointsRedeemed(), placedEvent, run.flatMap(OrderProcessing.Prepared::run), limits,
                    run.flatMap(OrderProcessing.Prepared::firstSteps)));
            switch (result) {
                case PlaceResult.Placed placed -> {
                    run.ifPresent(processing::started);
                    return new PlacedOrder(placed.order(), false);
                }
                case PlaceResult.KeyUsed used -> {
                    return replay(used.existing(), hash);
                }
                case PlaceResult.OutOfStock short_ -> throw insufficientStock(short_.shortages());
                case PlaceResult.OrderLimitReached reached -> throw new DomainException(Failure.CONFLICT, "OrderLimitReached",
                        "You already have " + reached.limit() + " open cash-on-delivery orders for " + valid.deliveryDate()
                                + "; cancel one or choose another date", new OrderProblem.OrderLimitReached(reached.limit()));
                case PlaceResult.ProductLimitReached reached -> throw productLimitReached(reached, draft.lines());
                case PlaceResult.StatsChanged ignored -> {
                    // another order of this customer landed meanwhile: price again with the new stats
                }
            }
        }
        throw new ConcurrentModification("Your account");
    }

    /** Who the new order's messages go to: its customer and the owner of each of its dairies. */
    private static OrderNotices.Audience audience(DraftOrder.Draft draft) {
        Map<String, OrderNotices.Recipient> owners = new java.util.LinkedHashMap<>();
        for (Vendor vendor : draft.vendors()) {
            // a dairy without an account to tell is left out: telling it fails ahead, and the workflow handles that
            draft.owners().of(vendor).ifPresent(owner -> owners.put(vendor.vendorId(),
                    new OrderNotices.Recipient(owner.userId(), owner.email(), vendor.name())));
        }
        return new OrderNotices.Audience(OrderNotices.Recipient.of(draft.customer()), owners);
    }

    /** The order an earlier request with this key placed, or {@code refused} when the key is new. */
    private PlacedOrder replayIfUsed(Principal caller, String idempotencyKey, String hash, DomainException refused) {
        Optional<IdempotencyRecord> earlier = orders.findIdempotencyKey(caller.userId(), idempotencyKey);
        if (earlier.isEmpty()) {
            throw refused;
        }
        return replay(earlier.get(), hash);
    }

    private PlacedOrder replay(IdempotencyRecord earlier, String hash) {
        if (!earlier.requestHash().equals(hash)) {
            throw new DomainException(Failure.UNPROCESSABLE, "IdempotencyKeyReused",
                    "This Idempotency-Key was already used for a different order request");
        }
        Order order = orders.get(earlier.orderId()).orElseThrow(OrderQueries::notFound);
        if (order.status() == OrderStatus.PENDING) {
            // the first request may have ended before its processing started (no answer, or an error after commit)
            processing.resume(order);
        }
        return new PlacedOrder(order, true);
    }

    private static Pricing price(DraftOrder.Draft draft, CustomerStats stats, boolean redeemPoints) {
        Pricing pricing = Pricing.of(draft.lines(), stats.orderCount() == 0, redeemPoints ? stats.loyaltyPoints() : 0);
        if (pricing.belowMinimum()) {
            throw new DomainException(Failure.INVALID, "MinimumOrderValue",
                    "Order total must be at least ₹" + Pricing.MINIMUM_ORDER_VALUE.stripTrailingZeros().toPlainString(),
                    new OrderProblem.MinimumOrderValue(pricing.subtotal(), Pricing.MINIMUM_ORDER_VALUE));
        }
        return pricing;
    }

    private List<Shortage> shortages(List<OrderLine> lines) {
        Map<StockKey, StockLevel> levels = stock.getAll(lines.stream().map(OrderLine::stockKey).toList());
        List<Shortage> shortages = new ArrayList<>();
        for (OrderLine line : lines) {
            int available = levels.getOrDefault(line.stockKey(), StockLevel.none(line.stockKey())).available();
            if (available < line.quantity()) {
                shortages.add(new Shortage(line.productId(), line.vendorId(), line.productName(), available, line.quantity()));
            }
        }
        return shortages;
    }

    private static DomainException insufficientStock(List<Shortage> shortages) {
        Shortage first = shortages.get(0);
        return new DomainException(Failure.INVALID, "InsufficientStock",
                "Product '" + first.productName() + "' has only " + first.availableQuantity() + " units available",
                new OrderProblem.InsufficientStock(shortages));
    }

    private static DomainException productLimitReached(PlaceResult.ProductLimitReached reached, List<OrderLine> lines) {
        String name = lines.stream().filter(l -> l.productId().equals(reached.productId()) && l.vendorId().equals(reached.vendorId()))
                .map(OrderLine::productName).findFirst().orElse(reached.productId());
        return new DomainException(Failure.CONFLICT, "ProductLimitReached", "At most " + reached.limit() + " units of '" + name
                + "' per delivery date; your orders for that date already hold " + reached.alreadyOrdered(),
                new OrderProblem.ProductLimitReached(reached.productId(), reached.vendorId(), reached.limit(), reached.alreadyOrdered()));
    }

    /** The same request always hashes alike, so a repeated key can tell a retry from a different order. */
    static String requestHash(ValidOrderRequest valid) {
        StringBuilder canonical = new StringBuilder();
        for (ValidOrderRequest.Item item : valid.items()) {
            canonical.append(item.productId()).append('|').append(item.vendorId()).append('|').append(item.quantity()).append(';');
        }
        canonical.append(valid.deliveryDate()).append(';').append(valid.addressId()).append(';')
                .append(valid.paymentMethod().wireName()).append(';').append(valid.redeemPoints());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
