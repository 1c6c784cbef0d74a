package com.milkrun.orders;

import com.milkrun.notifications.Notification;
import com.milkrun.notifications.OutboundEmail;
import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.WorkflowRun;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything placing an order writes, as one atomic unit: the order, the reservation of every line's stock, the
 * customer's idempotency key, the customer's order count and points as they were priced, what the customer holds
 * for the delivery date (within its limits), the first entry of the order's timeline and the start of its
 * processing workflow, with what the workflow's first steps did when they were done ahead ({@link FirstSteps}).
 *
 * @param expectedOrderCount the order count the pricing read: 0 means it gave the first-order discount, so the
 *                           customer must still have no order; any other value only needs the customer to have one
 *                           (orders landing meanwhile do not change such a price)
 * @param pointsToSpend      loyalty points the pricing spent
 * @param placed             the timeline's first entry
 * @param run                the workflow run to start with the order, with its first events, if any
 * @param limits             what the customer may hold for the order's delivery date, counting this order
 * @param firstSteps         what the run's first steps, done ahead, write with the order (the run records them)
 */
public record Placement(Order order, String idempotencyKey, String requestHash, int expectedOrderCount, int pointsToSpend,
                        OrderEvent placed, Optional<StartedRun> run, OrderLimits limits, Optional<FirstSteps> firstSteps) {
    /** A run to store with the order, and its first history events. */
    public record StartedRun(WorkflowRun run, List<RunEvent> events) {
        public StartedRun {
            Objects.requireNonNull(run, "run");
            events = List.copyOf(events);
        }
    }

    /**
     * What the workflow's first steps did to a new order when they were done ahead, in memory, to be stored with it:
     * the order after them, the timeline entries they appended (after the first) and the messages they sent, with
     * the email copy of each that goes out by email.
     *
     * @param after the order after the steps, at the version placing gave it (the store counts one per status change)
     */
    public record FirstSteps(Order after, List<OrderEvent> entries, List<Notification> messages, List<OutboundEmail> emails) {
        public FirstSteps {
            Objects.requireNonNull(after, "after");
            entries = List.copyOf(entries);
            messages = List.copyOf(messages);
            emails = List.copyOf(emails);
            for (OrderEvent entry : entries) {
                if (!entry.orderId().equals(after.orderId())) {
                    throw new IllegalArgumentException("entry of order " + entry.orderId() + " for order " + after.orderId());
                }
            }
        }
    }

    public Placement {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(placed, "placed");
        run = run == null ? Optional.empty() : run;
        Objects.requireNonNull(limits, "limits");
        firstSteps = firstSteps == null ? Optional.empty() : firstSteps;
        firstSteps.ifPresent(steps -> {
            if (!steps.after().orderId().equals(order.orderId()) || !steps.after().lines().equals(order.lines())) {
                throw new IllegalArgumentException("the first steps are of another order than " + order.orderId());
            }
        });
    }

    /** A placement whose workflow, if any, starts at its first step. */
    public Placement(Order order, String idempotencyKey, String requestHash, int expectedOrderCount, int pointsToSpend,
                     OrderEvent placed, Optional<StartedRun> run, OrderLimits limits) {
        this(order, idempotencyKey, requestHash, expectedOrderCount, pointsToSpend, placed, run, limits, Optional.empty());
    }

    /**
     * The order as the store keeps it: as placed at version 1, or as the first steps left it, one version more for
     * each status they changed.
     */
    public Order stored() {
        Order last = firstSteps.map(FirstSteps::after).orElse(order);
        long version = last.status() == order.status() ? 1 : 2;
        return new Order(last.orderId(), last.userId(), last.lines(), last.pricing(), last.status(), last.deliveryDate(),
                last.deliveryAddress(), last.paymentMethod(), last.createdAt(), last.updatedAt(), version);
    }

    /** The order's first timeline entries: the placing one, then those of the first steps. */
    public List<OrderEvent> entries() {
        List<OrderEvent> entries = new java.util.ArrayList<>();
        entries.add(placed);
        firstSteps.ifPresent(steps -> entries.addAll(steps.entries()));
        return List.copyOf(entries);
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
