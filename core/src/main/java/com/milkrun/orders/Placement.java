package com.milkrun.orders;

import java.util.Objects;

/**
 * Everything placing an order writes, as one atomic unit: the order, the reservation of every line's stock, the
 * customer's idempotency key, and the customer's order count and points as they were priced.
 *
 * @param expectedOrderCount the order count the pricing read: 0 means it gave the first-order discount, so the
 *                           customer must still have no order; any other value only needs the customer to have one
 *                           (orders landing meanwhile do not change such a price)
 * @param pointsToSpend      loyalty points the pricing spent
 */
public record Placement(Order order, String idempotencyKey, String requestHash, int expectedOrderCount, int pointsToSpend) {
    public Placement {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(requestHash, "requestHash");
    }
}
