package com.milkrun.http.orders;

import static com.milkrun.http.JsonViews.amount;
import static com.milkrun.http.JsonViews.timestamp;

import com.milkrun.http.JsonViews;
import com.milkrun.orders.DecideVendorLines;
import com.milkrun.orders.DeliveryWindow;
import com.milkrun.orders.Order;
import com.milkrun.orders.OrderEvent;
import com.milkrun.orders.OrderLine;
import com.milkrun.orders.Pricing;
import com.milkrun.orders.Quote;
import com.milkrun.orders.VendorDecision;
import com.milkrun.orders.VendorOrderLine;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of orders, quotes, timelines and vendor lines (documented in docs/openapi.yaml). */
final class OrderViews {
    private OrderViews() {
    }

    /** An order with its prices, delivery details and whether the caller may still cancel it. */
    static Map<String, Object> order(Order o, DeliveryWindow window, boolean canCancel) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", o.orderId());
        m.put("userId", o.userId());
        m.put("status", o.status().wireName());
        m.put("items", o.lines().stream().map(OrderViews::orderLine).toList());
        putPricing(m, o.pricing());
        m.put("deliveryDate", o.deliveryDate().toString());
        m.put("estimatedDelivery", timestamp(window.estimatedDelivery(o.deliveryDate())));
        m.put("deliveryAddress", JsonViews.deliveryAddress(o.deliveryAddress()));
        m.put("paymentMethod", o.paymentMethod().wireName());
        m.put("canCancel", canCancel);
        m.put("cancelBefore", timestamp(window.cancelDeadline(o.deliveryDate())));
        m.put("createdAt", o.createdAt().toString());
        m.put("updatedAt", o.updatedAt().toString());
        return m;
    }

    static Map<String, Object> quote(Quote q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", q.lines().stream().map(OrderViews::orderLine).toList());
        putPricing(m, q.pricing());
        m.put("deliveryDate", q.deliveryDate().toString());
        m.put("estimatedDelivery", timestamp(q.estimatedDelivery()));
        return m;
    }

    static Map<String, Object> vendorOrderLine(VendorOrderLine v) {
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
        m.put("decision", v.decision().map(VendorDecision.Decision::wireName).orElse(null));
        return m;
    }

    /** One entry of an order's timeline. */
    static Map<String, Object> orderEvent(OrderEvent e) {
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

    /** A decision as the order's page lists it, with the dairy's name. */
    static Map<String, Object> vendorDecision(VendorDecision d, String vendorName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderId", d.orderId());
        m.put("vendorId", d.vendorId());
        m.put("vendorName", vendorName);
        m.put("decision", d.decision().wireName());
        m.put("reason", d.reason());
        m.put("at", d.at().toString());
        return m;
    }

    /** The answer to a dairy's decision: the decision and the order's status after it. */
    static Map<String, Object> decided(DecideVendorLines.Decided made) {
        Map<String, Object> m = vendorDecision(made.decision(), null);
        m.remove("vendorName");
        m.put("orderStatus", made.orderStatus().wireName());
        return m;
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
}
