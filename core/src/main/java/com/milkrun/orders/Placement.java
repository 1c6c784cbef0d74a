package com.milkrun.orders;

import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.WorkflowRun;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything placing an order writes, as one atomic unit: the order, the reservation of every line's stock, the
 * customer's idempotency key, the customer's order count and points as they were priced, what the customer holds
 * for the delivery date (within its limits), the first entry of the order's timeline and the start of its
 * processing workflow.
 *
 * @param expectedOrderCount the order count the pricing read: 0 means it gave the first-order discount, so the
 *                           customer must still have no order; any other value only needs the customer to have one
 *                           (orders landing meanwhile do not change such a price)
 * @param pointsToSpend      loyalty points the pricing spent
 * @param placed             the timeline's first entry
 * @param run                the workflow run to start with the order, with its first events, if any
 * @param limits             what the customer may hold for the order's delivery date, counting this order
 */
public record Placement(Order order, String idempotencyKey, String requestHash, int expectedOrderCount, int pointsToSpend,
                        OrderEvent placed, Optional<StartedRun> run, OrderLimits limits) {
    /** A run to store with the order, and its first history events. */
    public record StartedRun(WorkflowRun run, List<RunEvent> events) {
        public StartedRun {
            Objects.requireNonNull(run, "run");
            events = List.copyOf(events);
        }
    }

    public Placement {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(placed, "placed");
        run = run == null ? Optional.empty() : run;
        Objects.requireNonNull(limits, "limits");
    }

    /** A placement without limits on what the customer holds. */
    public Placement(Order order, String idempotencyKey, String requestHash, int expectedOrderCount, int pointsToSpend,
                     OrderEvent placed, Optional<StartedRun> run) {
        this(order, idempotencyKey, requestHash, expectedOrderCount, pointsToSpend, placed, run, OrderLimits.NONE);
    }

    /** A placement with the standard first timeline entry, no workflow and no limits. */
    public Placement(Order order, String idempotencyKey, String requestHash, int expectedOrderCount, int pointsToSpend) {
        this(order, idempotencyKey, requestHash, expectedOrderCount, pointsToSpend,
                OrderEvent.of(order.orderId(), "Placed", order.status(), "customer", "Customer", "", order.createdAt()),
                Optional.empty());
    }
}
