package com.milkrun.orders;

import com.milkrun.accounts.Access;
import com.milkrun.accounts.Capability;
import com.milkrun.accounts.Principal;
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
import com.milkrun.shared.Ids;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.shared.Retry;
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
    private static final int PRICING_ATTEMPTS = 3;

    private final OrderStore orders;
    private final UserStore users;
    private final ProductStore products;
    private final VendorStore vendors;
    private final StockStore stock;
    private final DeliveryWindow window;
    private final OrderValidator validator;
    private final Clock clock;

    public OrderService(OrderStore orders, UserStore users, ProductStore products, VendorStore vendors, StockStore stock,
                        DeliveryWindow window, Clock clock) {
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
            PlaceResult result = orders.place(new Placement(order, idempotencyKey, hash, stats.orderCount(), pricing.pointsRedeemed()));
            switch (result) {
                case PlaceResult.Placed placed -> {
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
        return Retry.onConflict(() -> {
            Order order = get(caller, orderId);
            Instant now = clock.instant();
            if (!canCancel(order, now)) {
                throw DomainException.conflict("CannotCancel", cannotCancelReason(order));
            }
            return orders.update(order.moveTo(OrderStatus.CANCELLED, now), StockEffect.RELEASE);
        });
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
        return new Draft(lines, address);
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


    private record Draft(List<OrderLine> lines, DeliveryAddress address) {
    }
}
