package com.milkrun.testing;

import com.milkrun.notifications.Notification;
import com.milkrun.notifications.OutboundEmail;
import com.milkrun.orders.Order;
import com.milkrun.orders.OrderEvent;
import com.milkrun.orders.OrderLimits;
import com.milkrun.orders.OrderStatus;
import com.milkrun.orders.Placement;
import com.milkrun.workflow.RunStatus;
import com.milkrun.workflow.WorkflowRun;
import java.time.Instant;
import java.util.List;
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

    /**
     * A customer's first order under {@code key} with its whole processing run done ahead, as eager checkout places
     * orders: its run ended, the order confirmed, the dairy's owner and the customer told (the customer also by
     * email).
     */
    public static Placement firstWithStepsAhead(Order order, String key) {
        Placement plain = first(order, key);
        Instant at = order.createdAt();
        WorkflowRun run = Runs.forOrder(runId(order), order.orderId(), at).end(RunStatus.SUCCEEDED, null, null, at);
        Order confirmed = order.moveTo(OrderStatus.CONFIRMED, at);
        Notification toDairy = new Notification("note-" + order.orderId() + "-dairy", "user-anand-owner",
                "owner@anand.example", Notification.Kind.ORDER, "New order", "Your lines", at);
        Notification toCustomer = new Notification("note-" + order.orderId() + "-customer", order.userId(),
                "asha@example.com", Notification.Kind.ORDER, "Order confirmed", "Confirmed", at);
        Placement.FirstSteps steps = new Placement.FirstSteps(confirmed, List.of(
                OrderEvent.of(order.orderId(), "VendorsNotified", OrderStatus.PENDING, "workflow", "NotifyVendors", "1 dairy", at),
                OrderEvent.of(order.orderId(), "Confirmed", OrderStatus.CONFIRMED, "workflow", "UpdateOrderStatus", "", at)),
                List.of(toDairy, toCustomer), List.of(OutboundEmail.of(toCustomer)));
        return new Placement(order, key, plain.requestHash(), 0, 0, plain.placed(),
                Optional.of(new Placement.StartedRun(run, Runs.started(run))), OrderLimits.NONE, Optional.of(steps));
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
