package com.milkrun.orders;

import com.milkrun.access.Access;
import com.milkrun.access.Capability;
import com.milkrun.access.Principal;
import com.milkrun.accounts.User;
import com.milkrun.accounts.UserStore;
import com.milkrun.catalog.Product;
import com.milkrun.catalog.ProductStore;
import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorStore;
import com.milkrun.inventory.StockKey;
import com.milkrun.inventory.StockLevel;
import com.milkrun.inventory.StockStore;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import com.milkrun.shared.FieldError;
import com.milkrun.shared.Ids;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.shared.Retry;
import com.milkrun.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order use cases: quote, place (validation, profile, address, catalog prices, pricing and the atomic
 * reservation with the idempotency key), read, list and cancel; the vendor's order lines and the back office list.
 */
public final class OrderService {
    public static final int MAX_IDEMPOTENCY_KEY = 255;
    public static final int MAX_REASON = 500;
    /** Statuses in which vendors may still accept or reject their lines. */
    private static final java.util.Set<OrderStatus> DECIDABLE = java.util.EnumSet.of(OrderStatus.PAYMENT_PENDING,
            OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.PROCESSING);
    private static final int PRICING_ATTEMPTS = 3;

    private final OrderStore orders;
    private final UserStore users;
    private final ProductStore products;
    private final VendorStore vendors;
    private final StockStore stock;
    private final DeliveryWindow window;
    private final OrderValidator validator;
    private final OrderProcessing processing;
    private final OrderNotices notices;
    private final Clock clock;

    /** Orders without a workflow and without messages: for the order rules alone. */
    public OrderService(OrderStore orders, UserStore users, ProductStore products, VendorStore vendors, StockStore stock,
                        DeliveryWindow window, Clock clock) {
        this(orders, users, products, vendors, stock, window, OrderProcessing.NONE, null, clock);
    }

    public OrderService(OrderStore orders, UserStore users, ProductStore products, VendorStore vendors, StockStore stock,
                        DeliveryWindow window, OrderProcessing processing, OrderNotices notices, Clock clock) {
        this.processing = processing;
        this.notices = notices;
        this.orders = orders;
        this.users = users;
        this.products = products;
        this.vendors = vendors;
        this.stock = stock;
        this.window = window;
        this.validator = new OrderValidator(window);
        this.clock = clock;
    }

    public DeliveryWindow window() {
        return window;
    }

    /**
     * Prices an order exactly as {@link #place} would and tells whether the stock is there right now, storing and
     * reserving nothing (placing decides the stock for good).
     */
    public Quote quote(Principal caller, OrderRequest request) {
        ValidOrderRequest valid = validator.validate(request, clock.instant());
        Draft draft = draft(caller, valid);
        CustomerStats stats = orders.stats(caller.userId());
        Pricing pricing = price(draft, stats, valid.redeemPoints());
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
     *         {@code InsufficientStock}, {@code IdempotencyKeyReused}
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
        Optional<IdempotencyRecord> earlier = orders.findIdempotencyKey(caller.userId(), idempotencyKey);
        if (earlier.isPresent()) {
            return replay(earlier.get(), hash);
        }
        Draft draft = draft(caller, valid);
        for (int attempt = 0; attempt < PRICING_ATTEMPTS; attempt++) {
            CustomerStats stats = orders.stats(caller.userId());
            Pricing pricing = price(draft, stats, valid.redeemPoints());
            Order order = new Order(Ids.newId("order"), caller.userId(), draft.lines(), pricing, OrderStatus.PENDING,
                    valid.deliveryDate(), draft.address(), valid.paymentMethod(), now, now, 0);
            Optional<Placement.StartedRun> run = processing.prepare(order);
            OrderEvent placedEvent = OrderEvent.of(order.orderId(), "Placed", order.status(), "customer", draft.customerName(),
                    "", now);
            PlaceResult result = orders.place(new Placement(order, idempotencyKey, hash, stats.orderCount(),
                    pricing.pointsRedeemed(), placedEvent, run));
            switch (result) {
                case PlaceResult.Placed placed -> {
                    run.ifPresent(r -> processing.started(r.run().runId()));
                    return new PlacedOrder(placed.order(), false);
                }
                case PlaceResult.KeyUsed used -> {
                    return replay(used.existing(), hash);
                }
                case PlaceResult.OutOfStock short_ -> throw insufficientStock(short_.shortages());
                case PlaceResult.StatsChanged ignored -> {
                    // another order of this customer landed meanwhile: price again with the new stats
                }
            }
        }
        throw new ConcurrentModification("Your account");
    }

    /** An order the caller may see: their own, or any order for managers and admins. Others answer 404. */
    public Order get(Principal caller, String orderId) {
        Order order = orders.get(orderId).orElseThrow(OrderService::orderNotFound);
        if (!order.userId().equals(caller.userId()) && !Capability.READ_ALL_ORDERS.allows(caller.role())) {
            throw orderNotFound();
        }
        return order;
    }

    public Page<Order> mine(Principal caller, PageRequest page) {
        return orders.listForUser(caller.userId(), page);
    }

    /**
     * Cancels an order and gives its stock back, while that is still allowed: before it is out for delivery and
     * before the cut-off of the day before delivery.
     *
     * @throws DomainException 409 {@code CannotCancel}
     */
    public Order cancel(Principal caller, String orderId) {
        Order cancelled = Retry.onConflict(() -> {
            Order order = get(caller, orderId);
            Instant now = clock.instant();
            if (!canCancel(order, now)) {
                throw DomainException.conflict("CannotCancel", cannotCancelReason(order));
            }
            return orders.update(order.moveTo(OrderStatus.CANCELLED, now), StockEffect.RELEASE,
                    OrderEvent.of(orderId, "Cancelled", OrderStatus.CANCELLED, byKind(caller, order), displayName(caller), "", now));
        });
        processing.stop(orderId, "OrderCancelled", "The order was cancelled");
        if (notices != null) {
            notices.cancelled(cancelled);
            notices.endedForVendors(cancelled, "Cancelled", "", Optional.empty());
        }
        return cancelled;
    }

    /** The order with its timeline and its vendors' decisions; the same visibility as {@link #get}. */
    public OrderDetails details(Principal caller, String orderId) {
        Order order = get(caller, orderId);
        return new OrderDetails(order, orders.timeline(orderId), orders.decisions(orderId));
    }

    /**
     * A vendor accepts or rejects its lines of an order. Rejecting fails the whole order: its stock is released, its
     * workflow stopped, the customer told why and the other vendors told not to send. Repeating a rejection that was
     * stored but not carried through (a crash in between) carries it through.
     *
     * @throws DomainException 404 when the order has no lines of the caller's dairy, 409 {@code AlreadyDecided},
     *         409 {@code CannotDecide} for an order that ended or is out for delivery, 400 {@code ValidationError}
     *         for a missing or too long reason
     */
    public Decided decide(Principal caller, String orderId, VendorDecision.Decision decision, Object rawReason) {
        Access.require(caller, Capability.SELL);
        Vendor vendor = vendors.findByOwner(caller.userId()).orElseThrow(OrderService::orderNotFound);
        Order order = orders.get(orderId).filter(o -> o.hasVendor(vendor.vendorId())).orElseThrow(OrderService::orderNotFound);
        String reason = decision == VendorDecision.Decision.REJECTED ? rejectionReason(rawReason) : "";
        Instant now = clock.instant();
        Optional<VendorDecision> earlier = orders.decisions(orderId).stream()
                .filter(d -> d.vendorId().equals(vendor.vendorId())).findFirst();
        if (earlier.isPresent()) {
            boolean unfinishedRejection = earlier.get().decision() == VendorDecision.Decision.REJECTED
                    && decision == VendorDecision.Decision.REJECTED && order.status().holdsStock();
            if (!unfinishedRejection) {
                throw DomainException.conflict("AlreadyDecided", vendor.name() + " already "
                        + earlier.get().decision().wireName().toLowerCase(java.util.Locale.ROOT) + " this order");
            }
            return new Decided(earlier.get(), rejectOrder(vendor, order, earlier.get()).status());
        }
        if (!DECIDABLE.contains(order.status())) {
            throw DomainException.conflict("CannotDecide", "An order that is " + order.status().wireName() + " can no longer be "
                    + (decision == VendorDecision.Decision.ACCEPTED ? "accepted" : "rejected"));
        }
        VendorDecision made = new VendorDecision(orderId, vendor.vendorId(), decision, reason, caller.userId(), now);
        if (!orders.decide(made)) {
            throw DomainException.conflict("AlreadyDecided", vendor.name() + " already decided on this order");
        }
        if (decision == VendorDecision.Decision.ACCEPTED) {
            orders.addEvent(OrderEvent.of(orderId, "VendorAccepted", order.status(), "vendor", vendor.name(), "", now));
            return new Decided(made, order.status());
        }
        return new Decided(made, rejectOrder(vendor, order, made).status());
    }

    /** A vendor's decision and the order's status after it. */
    public record Decided(VendorDecision decision, OrderStatus orderStatus) {
    }

    private Order rejectOrder(Vendor vendor, Order placed, VendorDecision rejection) {
        String reason = vendor.name() + " could not fulfil the order: " + rejection.reason();
        Order failed = Retry.onConflict(() -> {
            Order order = orders.get(placed.orderId()).orElseThrow(OrderService::orderNotFound);
            if (!order.status().holdsStock() || !order.status().canMoveTo(OrderStatus.FAILED)) {
                return order;
            }
            return orders.update(order.moveTo(OrderStatus.FAILED, clock.instant()), StockEffect.RELEASE,
                    OrderEvent.of(order.orderId(), "VendorRejected", OrderStatus.FAILED, "vendor", vendor.name(), reason,
                            clock.instant()));
        });
        processing.stop(failed.orderId(), "VendorRejected", reason);
        if (notices != null && failed.status() == OrderStatus.FAILED) {
            notices.failed(failed, reason);
            notices.endedForVendors(failed, "Cancelled", reason, Optional.of(vendor.vendorId()));
        }
        return failed;
    }

    private static String rejectionReason(Object raw) {
        if (!(raw instanceof String text) || text.isBlank()) {
            throw new ValidationException(List.of(new FieldError("reason", "Please say why you reject the order", "REQUIRED")));
        }
        if (text.strip().length() > MAX_REASON) {
            throw new ValidationException(List.of(new FieldError("reason", "Reason must be at most " + MAX_REASON + " characters",
                    "TOO_LONG")));
        }
        return text.strip();
    }

    private String byKind(Principal caller, Order order) {
        if (caller.userId().equals(order.userId())) {
            return "customer";
        }
        return caller.role().name().toLowerCase(java.util.Locale.ROOT);
    }

    private String displayName(Principal caller) {
        return users.get(caller.userId()).map(User::name).filter(n -> !n.isBlank()).orElse(caller.role().name());
    }

    /** Whether the order can still be cancelled now. */
    public boolean canCancel(Order order) {
        return canCancel(order, clock.instant());
    }

    /** The caller's order count and loyalty points. */
    public CustomerStats stats(Principal caller) {
        return orders.stats(caller.userId());
    }

    private boolean canCancel(Order order, Instant now) {
        return order.status().canMoveTo(OrderStatus.CANCELLED) && now.isBefore(window.cancelDeadline(order.deliveryDate()).toInstant());
    }

    public Page<VendorOrderLine> vendorLines(Principal caller, Optional<LocalDate> deliveryDate, Optional<OrderStatus> status,
                                             PageRequest page) {
        Access.require(caller, Capability.SELL);
        Vendor vendor = vendors.findByOwner(caller.userId()).orElseThrow(() -> DomainException.notFound("Vendor profile not found"));
        return orders.listForVendor(vendor.vendorId(), deliveryDate, status, page);
    }

    public Page<Order> all(Principal caller, OrderQuery query, PageRequest page) {
        Access.require(caller, Capability.READ_ALL_ORDERS);
        return orders.list(query, page);
    }

    private PlacedOrder replay(IdempotencyRecord earlier, String hash) {
        if (!earlier.requestHash().equals(hash)) {
            throw new DomainException(Failure.UNPROCESSABLE, "IdempotencyKeyReused",
                    "This Idempotency-Key was already used for a different order request");
        }
        Order order = orders.get(earlier.orderId()).orElseThrow(OrderService::orderNotFound);
        return new PlacedOrder(order, true);
    }

    private Pricing price(Draft draft, CustomerStats stats, boolean redeemPoints) {
        Pricing pricing = Pricing.of(draft.lines(), stats.orderCount() == 0, redeemPoints ? stats.loyaltyPoints() : 0);
        if (pricing.belowMinimum()) {
            throw new DomainException(Failure.INVALID, "MinimumOrderValue",
                    "Order total must be at least ₹" + Pricing.MINIMUM_ORDER_VALUE.stripTrailingZeros().toPlainString(),
                    Map.of("currentTotal", pricing.subtotal().stripTrailingZeros(),
                            "minimumRequired", Pricing.MINIMUM_ORDER_VALUE.stripTrailingZeros()));
        }
        return pricing;
    }

    /** The caller's profile, address and the catalog's names and prices for every line. */
    private Draft draft(Principal caller, ValidOrderRequest valid) {
        User user = users.get(caller.userId()).orElseThrow(() -> new DomainException(Failure.NOT_FOUND, "UserNotFound",
                "User profile not found"));
        List<String> missing = user.missingProfileFields();
        if (!missing.isEmpty()) {
            throw new DomainException(Failure.CONFLICT, "ProfileIncomplete", "Please complete your profile before placing an order",
                    Map.of("missingFields", missing));
        }
        DeliveryAddress address = user.address(valid.addressId()).map(DeliveryAddress::of)
                .orElseThrow(() -> DomainException.notFound("Address not found"));
        Map<String, Vendor> vendorCache = new LinkedHashMap<>();
        List<OrderLine> lines = new ArrayList<>();
        List<Map<String, Object>> unknown = new ArrayList<>();
        List<Map<String, Object>> undeliverable = new ArrayList<>();
        for (ValidOrderRequest.Item item : valid.items()) {
            Optional<Vendor> vendor = Optional.ofNullable(vendorCache.computeIfAbsent(item.vendorId(),
                    id -> vendors.get(id).filter(Vendor::isApproved).orElse(null)));
            Optional<Product> product = products.get(item.productId())
                    .filter(p -> p.active() && p.vendorId().equals(item.vendorId()) && vendor.isPresent());
            if (product.isEmpty()) {
                unknown.add(Map.of("productId", item.productId(), "vendorId", item.vendorId()));
                continue;
            }
            if (!vendor.get().serves(address.zipCode())) {
                undeliverable.add(Map.of("productId", item.productId(), "vendorId", item.vendorId(), "vendorName", vendor.get().name()));
                continue;
            }
            Product p = product.get();
            lines.add(OrderLine.priced(p.productId(), p.vendorId(), vendor.get().name(), p.name(), p.unit(), item.quantity(), p.price()));
        }
        if (!unknown.isEmpty()) {
            Map<String, Object> first = unknown.get(0);
            throw new DomainException(Failure.INVALID, "ProductNotFound", "Product '" + first.get("productId")
                    + "' is not available from " + first.get("vendorId"),
                    Map.of("productId", first.get("productId"), "vendorId", first.get("vendorId"), "unavailableItems", unknown));
        }
        if (!undeliverable.isEmpty()) {
            Map<String, Object> first = undeliverable.get(0);
            throw new DomainException(Failure.INVALID, "NotDeliverable", first.get("vendorName") + " does not deliver to "
                    + address.zipCode(), Map.of("productId", first.get("productId"), "vendorId", first.get("vendorId"),
                    "zipCode", address.zipCode(), "unavailableItems", undeliverable));
        }
        return new Draft(lines, address, user.name());
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
        List<Map<String, Object>> items = shortages.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("productId", s.productId());
            m.put("vendorId", s.vendorId());
            m.put("productName", s.productName());
            m.put("availableQuantity", s.availableQuantity());
            m.put("requestedQuantity", s.requestedQuantity());
            return m;
        }).toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("productId", first.productId());
        details.put("availableQuantity", first.availableQuantity());
        details.put("requestedQuantity", first.requestedQuantity());
        details.put("unavailableItems", items);
        return new DomainException(Failure.INVALID, "InsufficientStock",
                "Product '" + first.productName() + "' has only " + first.availableQuantity() + " units available", details);
    }

    private String cannotCancelReason(Order order) {
        if (!order.status().canMoveTo(OrderStatus.CANCELLED)) {
            return "An order that is " + order.status().wireName() + " can no longer be cancelled";
        }
        return "Orders for " + order.deliveryDate() + " could be cancelled until " + window.cutoff() + " the day before";
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

    private static DomainException orderNotFound() {
        return DomainException.notFound("Order not found");
    }


    private record Draft(List<OrderLine> lines, DeliveryAddress address, String customerName) {
    }
}
