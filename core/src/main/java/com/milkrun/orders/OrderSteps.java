package com.milkrun.orders;

import com.milkrun.shared.Retry;
import com.milkrun.workflow.StepContext;
import com.milkrun.workflow.StepFailure;
import com.milkrun.workflow.StepHandler;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The order processing workflow's Task steps (infra/statemachine/order-processing.asl.json), one handler per task
 * name. Every step is idempotent by order and step: it reads the order first and does only what is still left to do,
 * and the messages it sends have ids derived from the order, so a step run again after a crash or a retry changes
 * nothing twice.
 */
public final class OrderSteps {
    public static final String NOTIFY_VENDORS = "NotifyVendors";
    public static final String UPDATE_ORDER_STATUS = "UpdateOrderStatus";
    public static final String NOTIFY_CUSTOMER = "NotifyCustomer";
    public static final String HANDLE_ORDER_FAILURE = "HandleOrderFailure";
    public static final String RELEASE_INVENTORY = "ReleaseInventory";

    private final OrderStore orders;
    private final OrderNotices notices;
    private final FailOrder failing;
    private final Clock clock;

    public OrderSteps(OrderStore orders, OrderNotices notices, Clock clock) {
        this.orders = orders;
        this.notices = notices;
        this.failing = new FailOrder(orders, clock);
        this.clock = clock;
    }

    /** Every step by its task name. */
    public Map<String, StepHandler> handlers() {
        Map<String, StepHandler> handlers = new LinkedHashMap<>();
        handlers.put(NOTIFY_VENDORS, this::notifyVendors);
        handlers.put(UPDATE_ORDER_STATUS, this::updateOrderStatus);
        handlers.put(NOTIFY_CUSTOMER, this::notifyCustomer);
        handlers.put(HANDLE_ORDER_FAILURE, this::handleOrderFailure);
        handlers.put(RELEASE_INVENTORY, this::releaseInventory);
        return Map.copyOf(handlers);
    }

    /** Each vendor hears about its own lines, once; the timeline records it. Ended orders tell nobody. */
    Object notifyVendors(Map<String, Object> input, StepContext step) {
        Order order = order(input);
        if (!order.status().holdsStock()) {
            return Map.of("notified", java.util.List.of(), "skipped", true, "status", order.status().wireName());
        }
        OrderNotices.Told told = notices.newOrder(order);
        orders.addEventOnce(OrderEvent.of(order.orderId(), "VendorsNotified", order.status(), "workflow", NOTIFY_VENDORS,
                told.vendorIds().size() == 1 ? "1 dairy told about its lines" : told.vendorIds().size() + " dairies told about their lines",
                clock.instant()));
        return Map.of("notified", told.vendorIds());
    }

    /**
     * Moves a pending order to the status asked for (only {@code Confirmed}); answers the order's status, which is not
     * {@code Confirmed} when the order was cancelled or failed meanwhile.
     */
    Object updateOrderStatus(Map<String, Object> input, StepContext step) {
        OrderStatus target = OrderStatus.fromWireName(String.valueOf(input.get("status")))
                .filter(s -> s == OrderStatus.CONFIRMED)
                .orElseThrow(() -> new StepFailure("UnsupportedStatus", "The workflow can only confirm orders, not " + input.get("status")));
        Order updated = Retry.onConflict(() -> {
            Order order = order(input);
            if (order.status() != OrderStatus.PENDING) {
                return order;
            }
            return orders.update(order.change(target, clock.instant()),
                    OrderEvent.of(order.orderId(), "Confirmed", target, "workflow", UPDATE_ORDER_STATUS, "", clock.instant()));
        });
        return Map.of("orderId", updated.orderId(), "status", updated.status().wireName());
    }

    /** Tells the customer the order is confirmed (if it still is) or failed. */
    Object notifyCustomer(Map<String, Object> input, StepContext step) {
        Order order = order(input);
        String event = String.valueOf(input.get("event"));
        boolean sent = switch (event) {
            case "Confirmed" -> order.status() == OrderStatus.CONFIRMED && notices.confirmed(order);
            case "Failed" -> order.status() == OrderStatus.FAILED && notices.failed(order, reason(input));
            default -> throw new StepFailure("UnsupportedEvent", "No customer message for " + event);
        };
        return Map.of("event", event, "sent", sent);
    }

    /** Fails an order that still holds stock, giving the stock back in the same write; ended orders stay as they are. */
    Object handleOrderFailure(Map<String, Object> input, StepContext step) {
        Order result = fail(input, HANDLE_ORDER_FAILURE);
        return Map.of("orderId", result.orderId(), "status", result.status().wireName());
    }

    /**
     * Makes sure the order holds no stock any more. {@link #handleOrderFailure} releases it together with the status
     * change, so this only acts on an order some earlier step left holding stock.
     */
    Object releaseInventory(Map<String, Object> input, StepContext step) {
        Order result = fail(input, RELEASE_INVENTORY);
        return Map.of("orderId", result.orderId(), "released", !result.status().holdsStock());
    }

    private Order fail(Map<String, Object> input, String stepName) {
        String orderId = order(input).orderId();
        return failing.fail(orderId, "Failed", "workflow", stepName, reason(input))
                .orElseThrow(() -> new StepFailure("OrderNotFound", "Order " + orderId + " does not exist"));
    }

    private Order order(Map<String, Object> input) {
        Object id = input.get("orderId");
        if (!(id instanceof String orderId)) {
            throw new StepFailure("InvalidInput", "The step needs an orderId");
        }
        Optional<Order> order = orders.get(orderId);
        return order.orElseThrow(() -> new StepFailure("OrderNotFound", "Order " + orderId + " does not exist"));
    }

    private static String reason(Map<String, Object> input) {
        Object reason = input.get("reason");
        return reason == null ? "Order processing failed" : reason.toString();
    }
}
