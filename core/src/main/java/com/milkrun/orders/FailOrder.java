package com.milkrun.orders;

import com.milkrun.shared.Retry;
import java.time.Clock;
import java.util.Optional;

/**
 * The one way an order fails: while it still holds stock it becomes {@code Failed}, its reservation is given back in
 * the same write (the status table says so) and the timeline records who failed it and why. An order that already
 * ended stays as it is, so failing twice (a step run again, a rejection repeated after a crash) changes nothing.
 */
public final class FailOrder {
    private final OrderStore orders;
    private final Clock clock;

    public FailOrder(OrderStore orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    /**
     * Fails the order if it still can, re-reading it when a concurrent change won the race.
     *
     * @param what   the timeline entry's name, e.g. {@code VendorRejected} or {@code Failed}
     * @param byKind who failed it: {@code vendor} or {@code workflow}
     * @param by     the dairy's name or the workflow step's name
     * @param reason why, for the customer and the timeline
     * @return the order as it is afterwards ({@code Failed}, or as it ended before); empty for an unknown order
     */
    public Optional<Order> fail(String orderId, String what, String byKind, String by, String reason) {
        return Retry.onConflict(() -> orders.get(orderId).map(order -> {
            if (!order.status().holdsStock() || !order.status().canMoveTo(OrderStatus.FAILED)) {
                return order;
            }
            return orders.update(order.change(OrderStatus.FAILED, clock.instant()),
                    OrderEvent.of(orderId, what, OrderStatus.FAILED, byKind, by, reason, clock.instant()));
        }));
    }
}
