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

    /** The customer's order count or points changed since the order was priced; price it again. */
    record StatsChanged() implements PlaceResult {
    }
}
