package com.milkrun.http;

import com.milkrun.accounts.Address;
import com.milkrun.accounts.AuthTokens;
import com.milkrun.accounts.User;
import com.milkrun.catalog.Category;
import com.milkrun.catalog.ProductView;
import com.milkrun.catalog.Vendor;
import com.milkrun.inventory.StockLevel;
import com.milkrun.notifications.Notification;
import com.milkrun.orders.DeliveryAddress;
import com.milkrun.orders.DeliveryWindow;
import com.milkrun.orders.Order;
import com.milkrun.orders.OrderLine;
import com.milkrun.orders.Pricing;
import com.milkrun.orders.Quote;
import com.milkrun.orders.VendorOrderLine;
import com.milkrun.shared.Page;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Maps domain objects to the JSON shapes of the API (documented in docs/api-overview.md and docs/openapi.yaml). */
public final class Views {
    private Views() {
    }

    public static <T> Map<String, Object> page(Page<T> page, Function<T, Object> item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", page.items().stream().map(item).toList());
        m.put("count", page.items().size());
        page.nextToken().ifPresent(t -> m.put("nextToken", t));
        return m;
    }

    public static <T> Map<String, Object> list(List<T> items, Function<T, Object> item) {
        return page(Page.last(items), item);
    }

    public static Map<String, Object> me(User u, Optional<Vendor> vendor, com.milkrun.orders.CustomerStats stats) {
        Map<String, Object> m = userBasics(u);
        m.put("isProfileComplete", u.isProfileComplete());
        m.put("missingFields", u.missingProfileFields());
        m.put("addresses", u.addresses().stream().map(Views::address).toList());
        vendor.ifPresent(v -> m.put("vendorId", v.vendorId()));
        m.put("orderCount", stats.orderCount());
        m.put("loyaltyPoints", stats.loyaltyPoints());
        m.put("createdAt", u.createdAt().toString());
        return m;
    }

    public static Map<String, Object> adminUser(User u) {
        Map<String, Object> m = userBasics(u);
        m.put("disabled", u.disabled());
        m.put("isProfileComplete", u.isProfileComplete());
        m.put("createdAt", u.createdAt().toString());
        return m;
    }

    private static Map<String, Object> userBasics(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userId", u.userId());
        m.put("email", u.email());
        m.put("name", u.name());
        m.put("phone", u.phone());
        m.put("role", u.role().wireName());
        m.put("emailVerified", u.emailVerified());
        return m;
    }

    /** An address-book entry: the fields an order's delivery address copies, and whether it is the default. */
    public static Map<String, Object> address(Address a) {
        Map<String, Object> m = deliveryAddress(DeliveryAddress.of(a));
        m.put("isDefault", a.isDefault());
        return m;
    }

    public static Map<String, Object> tokens(AuthTokens t, boolean withUser) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accessToken", t.accessToken());
        m.put("idToken", t.idToken());
        m.put("refreshToken", t.refreshToken());
        m.put("expiresIn", t.expiresIn());
        m.put("tokenType", "Bearer");
        if (withUser) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("userId", t.user().userId());
            user.put("email", t.user().email());
            user.put("name", t.user().name());
            user.put("role", t.user().role().wireName());
            m.put("user", user);
        }
        return m;
    }

    /** A product for the public shop. */
    public static Map<String, Object> product(ProductView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        var p = v.product();
        m.put("productId", p.productId());
        m.put("vendorId", p.vendorId());
        m.put("vendorName", v.vendorName());
        m.put("name", p.name());
        m.put("category", p.category().id());
        m.put("unit", p.unit());
        m.put("price", amount(p.price()));
        m.put("description", p.description());
        m.put("imageUrl", p.imageUrl());
        m.put("active", p.active());
        m.put("available", v.stock().available());
        m.put("inStock", v.inStock());
        return m;
    }

    /** A product for its vendor and the back office: with stock on hand and reserved. */
    public static Map<String, Object> productWithStock(ProductView v) {
        Map<String, Object> m = product(v);
        m.put("stock", v.stock().stock());
        m.put("reserved", v.stock().reserved());
        m.put("createdAt", v.product().createdAt().toString());
        m.put("updatedAt", v.product().updatedAt().toString());
        return m;
    }

    public static Map<String, Object> stock(StockLevel s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vendorId", s.vendorId());
        m.put("productId", s.productId());
        m.put("stock", s.stock());
        m.put("reserved", s.reserved());
        m.put("available", s.available());
        return m;
    }

    public static Map<String, Object> vendor(Vendor v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vendorId", v.vendorId());
        m.put("name", v.name());
        m.put("description", v.description());
        m.put("contactEmail", v.contactEmail());
        m.put("contactPhone", v.contactPhone());
        m.put("pincodes", v.pincodes());
        m.put("status", v.status().wireName());
        return m;
    }

    public static Map<String, Object> vendorBackOffice(Vendor v) {
        Map<String, Object> m = vendor(v);
        m.put("ownerUserId", v.ownerUserId());
        m.put("createdAt", v.createdAt().toString());
        m.put("updatedAt", v.updatedAt().toString());
        return m;
    }

    public static Map<String, Object> category(Category c) {
        return Map.of("id", c.id(), "name", c.displayName());
    }

    public static Map<String, Object> notification(Notification n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("notificationId", n.notificationId());
        m.put("kind", n.kind().name());
        m.put("subject", n.subject());
        m.put("body", n.body());
        m.put("createdAt", n.createdAt().toString());
        return m;
    }

    public static Map<String, Object> mail(Notification n) {
        Map<String, Object> m = notification(n);
        m.put("to", n.email());
        return m;
    }

    /** An order with its prices, delivery details and whether the caller may still cancel it. */
    public static Map<String, Object> order(Order o, DeliveryWindow window, boolean canCancel) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", o.orderId());
        m.put("userId", o.userId());
        m.put("status", o.status().wireName());
        m.put("items", o.lines().stream().map(Views::orderLine).toList());
        putPricing(m, o.pricing());
        m.put("deliveryDate", o.deliveryDate().toString());
        m.put("estimatedDelivery", timestamp(window.estimatedDelivery(o.deliveryDate())));
        m.put("deliveryAddress", deliveryAddress(o.deliveryAddress()));
        m.put("paymentMethod", o.paymentMethod().wireName());
        m.put("canCancel", canCancel);
        m.put("cancelBefore", timestamp(window.cancelDeadline(o.deliveryDate())));
        m.put("createdAt", o.createdAt().toString());
        m.put("updatedAt", o.updatedAt().toString());
        return m;
    }

    public static Map<String, Object> quote(Quote q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", q.lines().stream().map(Views::orderLine).toList());
        putPricing(m, q.pricing());
        m.put("deliveryDate", q.deliveryDate().toString());
        m.put("estimatedDelivery", timestamp(q.estimatedDelivery()));
        return m;
    }

    public static Map<String, Object> vendorOrderLine(VendorOrderLine v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", v.orderId());
        m.put("status", v.status().wireName());
        m.put("deliveryDate", v.deliveryDate().toString());
        m.putAll(orderLine(v.line()));
        m.remove("vendorId");
        m.remove("vendorName");
        m.put("city", v.city());
        m.put("zipCode", v.zipCode());
        m.put("createdAt", v.createdAt().toString());
        m.put("decision", v.decision().map(com.milkrun.orders.VendorDecision.Decision::wireName).orElse(null));
        return m;
    }

    /** One entry of an order's timeline. */
    public static Map<String, Object> orderEvent(com.milkrun.orders.OrderEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("what", e.what());
        m.put("status", e.status().wireName());
        m.put("byKind", e.byKind());
        m.put("by", e.by());
        m.put("note", e.note());
        m.put("at", e.at().toString());
        return m;
    }

    public static Map<String, Object> vendorDecision(com.milkrun.orders.VendorDecision d, String vendorName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", d.orderId());
        m.put("vendorId", d.vendorId());
        m.put("vendorName", vendorName);
        m.put("decision", d.decision().wireName());
        m.put("reason", d.reason());
        m.put("at", d.at().toString());
        return m;
    }

    /** A workflow run as the back office lists it. */
    public static Map<String, Object> run(com.milkrun.workflow.WorkflowRun r, boolean retryable) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", r.runId());
        m.put("workflow", r.workflow());
        m.put("orderId", r.subjectId());
        m.put("status", r.status().wireName());
        m.put("currentState", r.currentState());
        m.put("attempt", r.attempt());
        m.put("nextAttemptAt", r.status().ended() ? null : r.nextAttemptAt().toString());
        m.put("error", r.error());
        m.put("cause", r.cause());
        m.put("createdAt", r.createdAt().toString());
        m.put("updatedAt", r.updatedAt().toString());
        m.put("retryable", retryable);
        return m;
    }

    /** One entry of a run's history; its detail is JSON the engine wrote. */
    public static Map<String, Object> runEvent(com.milkrun.workflow.RunEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("type", e.type());
        m.put("state", e.state());
        m.put("detail", e.detail() == null ? null : Json.parse(e.detail()));
        m.put("at", e.at().toString());
        return m;
    }

    /** An email in the outbox. */
    public static Map<String, Object> delivery(com.milkrun.notifications.EmailDelivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("notificationId", d.notificationId());
        m.put("userId", d.userId());
        m.put("to", d.to());
        m.put("subject", d.subject());
        m.put("status", d.status().wireName());
        m.put("attempts", d.attempts());
        m.put("nextAttemptAt", d.status() == com.milkrun.notifications.DeliveryStatus.PENDING ? d.nextAttemptAt().toString() : null);
        m.put("lastError", d.lastError());
        m.put("createdAt", d.createdAt().toString());
        m.put("updatedAt", d.updatedAt().toString());
        return m;
    }

    /** A business-time moment with its offset and always with seconds: {@code 2026-11-27T08:00:00+05:30}. */
    private static String timestamp(java.time.OffsetDateTime t) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    private static Map<String, Object> orderLine(OrderLine l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("productId", l.productId());
        m.put("vendorId", l.vendorId());
        m.put("vendorName", l.vendorName());
        m.put("productName", l.productName());
        m.put("unit", l.unit());
        m.put("quantity", l.quantity());
        m.put("unitPrice", amount(l.unitPrice()));
        m.put("totalPrice", amount(l.totalPrice()));
        return m;
    }

    private static void putPricing(Map<String, Object> m, Pricing p) {
        m.put("subtotal", amount(p.subtotal()));
        m.put("tax", amount(p.tax()));
        m.put("deliveryCharge", amount(p.deliveryCharge()));
        m.put("discount", amount(p.discount()));
        m.put("totalAmount", amount(p.totalAmount()));
        m.put("breakdown", Map.of(
                "itemsTotal", amount(p.subtotal()),
                "taxBreakdown", Map.of("cgst", amount(p.cgst()), "sgst", amount(p.sgst())),
                "deliveryDetails", Map.of("baseCharge", amount(p.baseDeliveryCharge()),
                        "multiVendorSurcharge", amount(p.multiVendorSurcharge())),
                "discountDetails", Map.of("firstOrder", amount(p.firstOrderDiscount()), "loyaltyPoints", p.pointsRedeemed())));
    }

    private static Map<String, Object> deliveryAddress(DeliveryAddress a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("addressId", a.addressId());
        m.put("label", a.label());
        m.put("line1", a.line1());
        m.put("line2", a.line2());
        m.put("city", a.city());
        m.put("state", a.state());
        m.put("zipCode", a.zipCode());
        return m;
    }

    /** Rupees as a JSON number without trailing zeros: 239.50 is written 239.5, 50.00 is written 50. */
    public static BigDecimal amount(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
