package com.milkrun.http.orders;

import com.milkrun.http.JsonViews;
import com.milkrun.orders.OrderProblem;
import com.milkrun.orders.Shortage;
import java.util.LinkedHashMap;
import java.util.Map;

/** The extra fields of the error envelope for each kind of order problem (documented in docs/openapi.yaml). */
public final class OrderProblemViews {
    private OrderProblemViews() {
    }

    /** The fields {@code problem} adds to {@code {error, message}}. */
    public static Map<String, Object> fields(OrderProblem problem) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (problem) {
            case OrderProblem.InsufficientStock p -> {
                Shortage first = p.shortages().get(0);
                m.put("productId", first.productId());
                m.put("availableQuantity", first.availableQuantity());
                m.put("requestedQuantity", first.requestedQuantity());
                m.put("unavailableItems", p.shortages().stream().map(OrderProblemViews::shortage).toList());
            }
            case OrderProblem.MinimumOrderValue p -> {
                m.put("currentTotal", JsonViews.amount(p.currentTotal()));
                m.put("minimumRequired", JsonViews.amount(p.minimumRequired()));
            }
            case OrderProblem.ProfileIncomplete p -> m.put("missingFields", p.missingFields());
            case OrderProblem.ProductNotFound p -> {
                m.put("productId", p.lines().get(0).productId());
                m.put("vendorId", p.lines().get(0).vendorId());
                m.put("unavailableItems", p.lines().stream().map(l -> line(l.productId(), l.vendorId())).toList());
            }
            case OrderProblem.OrderLimitReached p -> m.put("limit", p.limit());
            case OrderProblem.ProductLimitReached p -> {
                m.put("productId", p.productId());
                m.put("vendorId", p.vendorId());
                m.put("limit", p.limit());
                m.put("alreadyOrdered", p.alreadyOrdered());
            }
            case OrderProblem.NotDeliverable p -> {
                m.put("productId", p.lines().get(0).productId());
                m.put("vendorId", p.lines().get(0).vendorId());
                m.put("zipCode", p.zipCode());
                m.put("unavailableItems", p.lines().stream().map(l -> {
                    Map<String, Object> item = line(l.productId(), l.vendorId());
                    item.put("vendorName", l.vendorName());
                    return item;
                }).toList());
            }
        }
        return m;
    }

    private static Map<String, Object> shortage(Shortage s) {
        Map<String, Object> m = line(s.productId(), s.vendorId());
        m.put("productName", s.productName());
        m.put("availableQuantity", s.availableQuantity());
        m.put("requestedQuantity", s.requestedQuantity());
        return m;
    }

    private static Map<String, Object> line(String productId, String vendorId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("productId", productId);
        m.put("vendorId", vendorId);
        return m;
    }
}
