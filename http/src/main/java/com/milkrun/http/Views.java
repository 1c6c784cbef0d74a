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
        return JsonViews.page(page, item);
    }

    public static <T> Map<String, Object> list(List<T> items, Function<T, Object> item) {
        return JsonViews.list(items, item);
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
        Map<String, Object> m = JsonViews.deliveryAddress(DeliveryAddress.of(a));
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

    /** Rupees as a JSON number without trailing zeros; see {@link JsonViews#amount}. */
    public static BigDecimal amount(BigDecimal value) {
        return JsonViews.amount(value);
    }
}
