package com.milkrun.testing;

import com.milkrun.orders.Order;
import com.milkrun.orders.Placement;

/** Object Mother of placements: an order as checkout hands it to the store, with its key and request hash. */
public final class Placements {
    private Placements() {
    }

    /** A customer's first order, priced with the first-order discount and no points, under {@code key}. */
    public static Placement first(Order order, String key) {
        return of(order, key, 0, 0);
    }

    /** An order priced on {@code expectedOrderCount} earlier orders, spending {@code points}, under {@code key}. */
    public static Placement of(Order order, String key, int expectedOrderCount, int points) {
        return new Placement(order, key, requestHash(order), expectedOrderCount, points);
    }

    /** A stand-in for the SHA-256 of the request that asked for {@code order}: differs between orders. */
    public static String requestHash(Order order) {
        return "sha256-of-" + order.orderId();
    }
}
