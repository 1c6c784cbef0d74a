package com.milkrun.testing;

import com.milkrun.orders.Order;
import com.milkrun.orders.OrderEvent;
import com.milkrun.orders.OrderLimits;
import com.milkrun.orders.Placement;
import com.milkrun.workflow.WorkflowRun;
import java.util.Optional;

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

    /** {@link #of} under {@code limits} of what the customer may hold for the order's date. */
    public static Placement limited(Order order, String key, int expectedOrderCount, OrderLimits limits) {
        Placement plain = of(order, key, expectedOrderCount, 0);
        return new Placement(order, key, plain.requestHash(), expectedOrderCount, 0, plain.placed(), Optional.empty(), limits);
    }

    /**
     * A customer's first order under {@code key} that starts its processing run ({@link #runId}) with it, as checkout
     * places orders once the workflow is on.
     */
    public static Placement firstWithRun(Order order, String key) {
        Placement plain = first(order, key);
        WorkflowRun run = Runs.forOrder(runId(order), order.orderId(), order.createdAt());
        return new Placement(order, key, plain.requestHash(), 0, 0, plain.placed(),
                Optional.of(new Placement.StartedRun(run, Runs.started(run))));
    }

    /** A customer's first order under {@code key} whose timeline starts with {@code placed}. */
    public static Placement firstWithEvent(Order order, String key, OrderEvent placed) {
        return new Placement(order, key, requestHash(order), 0, 0, placed, Optional.empty());
    }

    /** The id of the run {@link #firstWithRun} starts for {@code order}. */
    public static String runId(Order order) {
        return "run-" + order.orderId();
    }

    /** A stand-in for the SHA-256 of the request that asked for {@code order}: differs between orders. */
    public static String requestHash(Order order) {
        return "sha256-of-" + order.orderId();
    }
}
