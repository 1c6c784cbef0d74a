package com.milkrun.orders;

import java.util.Objects;

/**
 * Everything placing an order writes, as one atomic unit: the order, the reservation of every line's stock, the
 * customer's idempotency key, and the customer's order count and points as they were priced.
 *
 * @param expectedOrderCount the order count the pricing assumed (0 means it gave the first-order discount)
 * @param pointsToSpend      loyalty points the pricing spent
 */
public record Placement(Order order, String idempotencyKey, String requestHash, int expectedOrderCount, int pointsToSpend) {
    public Placement {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(requestHash, "requestHash");
    }
}
