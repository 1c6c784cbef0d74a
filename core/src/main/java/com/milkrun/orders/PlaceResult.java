package com.milkrun.orders;

import java.util.List;

/** How an attempt to store a {@link Placement} ended. Nothing is written unless it is {@link Placed}. */
public sealed interface PlaceResult {
    /** Stored: the order exists and its stock is reserved. */
    record Placed(Order order) implements PlaceResult {
    }

    /** The customer used this idempotency key before (possibly a moment ago, concurrently). */
    record KeyUsed(IdempotencyRecord existing) implements PlaceResult {
    }

    /** At least one line is short; every short line is listed. */
    record OutOfStock(List<Shortage> shortages) implements PlaceResult {
        public OutOfStock {
            shortages = List.copyOf(shortages);
        }
    }

    /**
     * The customer already has {@link OrderLimits#maxOpenCashOrders} open cash-on-delivery orders for the date.
     *
     * @param limit the limit that was reached
     */
    record OrderLimitReached(int limit) implements PlaceResult {
    }

    /**
     * A line would take the customer's units of that dairy's product for the date above
     * {@link OrderLimits#maxUnitsPerProduct}; the first such line in the order's line order.
     *
     * @param alreadyOrdered units of the product the customer's open orders for the date already hold
     */
    record ProductLimitReached(String productId, String vendorId, int limit, int alreadyOrdered) implements PlaceResult {
    }

    /** The customer's order count or points changed since the order was priced; price it again. */
    record StatsChanged() implements PlaceResult {
    }
}
