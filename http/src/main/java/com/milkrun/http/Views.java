package com.milkrun.http;

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
import java.util.function.Function;

/**
 * Maps orders to the JSON shapes of the API (documented in docs/api-overview.md and docs/openapi.yaml), and the helpers
 * every capability's views share: lists, amounts, delivery addresses.
 */
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

    /** A delivery address as an order carries it; an address-book entry adds to it. */
    public static Map<String, Object> deliveryAddress(DeliveryAddress a) {
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
