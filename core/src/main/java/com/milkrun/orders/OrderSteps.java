package com.milkrun.orders;

import com.milkrun.shared.Retry;
import com.milkrun.workflow.StepContext;
import com.milkrun.workflow.StepFailure;
import com.milkrun.workflow.StepHandler;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.OutboundEmail;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        orders.addEventOnce(vendorsNotified(order, told.vendorIds().size()));
        return Map.of("notified", told.vendorIds());
    }

    /**
     * Moves a pending order to the status asked for (only {@code Confirmed}); answers the order's status, which is not
     * {@code Confirmed} when the order was cancelled or failed meanwhile.
     */
    Object updateOrderStatus(Map<String, Object> input, StepContext step) {
        OrderStatus target = confirmable(input);
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

    /**
     * The first steps of a new order's run done ahead, in memory, by the thread that places it: what each step does
     * to the order as placed, without reading or writing anything, so that placing stores it with the order (see
     * {@code WorkflowEngine.prepareAhead}). Only the steps a new order goes through are offered (NotifyVendors,
     * UpdateOrderStatus, NotifyCustomer of its confirmation); each does what its handler above would do to that order.
     *
     * @param placed   the order as it is about to be placed
     * @param audience who the steps' messages go to
     */
    public Ahead ahead(Order placed, OrderNotices.Audience audience) {
        return new Ahead(placed, audience);
    }

    /** Handlers that work on an order in memory, and what they did, call by call. */
    public final class Ahead {
        private record Call(Order after, List<OrderEvent> entries, List<Notification> messages) {
        }

        private final OrderNotices.Audience audience;
        private final List<Call> calls = new ArrayList<>();
        private Order current;

        private Ahead(Order placed, OrderNotices.Audience audience) {
            this.current = placed;
            this.audience = audience;
        }

        /** The handlers, by task name, of the steps a new order can go through ahead. */
        public Map<String, StepHandler> handlers() {
            return Map.of(NOTIFY_VENDORS, this::notifyVendors, UPDATE_ORDER_STATUS, this::updateOrderStatus,
                    NOTIFY_CUSTOMER, this::notifyCustomer);
        }

        /**
         * What the first {@code keptCalls} calls of the handlers did, to be stored with the order; empty when they did
         * nothing.
         */
        public Optional<Placement.FirstSteps> firstSteps(int keptCalls) {
            if (keptCalls == 0) {
                return Optional.empty();
            }
            List<Call> kept = calls.subList(0, keptCalls);
            List<OrderEvent> entries = new ArrayList<>();
            List<Notification> messages = new ArrayList<>();
            kept.forEach(call -> {
                entries.addAll(call.entries());
                messages.addAll(call.messages());
            });
            List<OutboundEmail> emails = messages.stream().flatMap(m -> notices.emailOf(m).stream()).toList();
            return Optional.of(new Placement.FirstSteps(kept.get(kept.size() - 1).after(), entries, messages, emails));
        }

        private Object notifyVendors(Map<String, Object> input, StepContext step) {
            Order order = order(input);
            List<Notification> messages = notices.newOrderMessages(order, audience.owners(), clock.instant());
            List<String> told = messages.isEmpty() ? List.of() : List.copyOf(order.lines().stream().map(OrderLine::vendorId).distinct().toList());
            calls.add(new Call(order, List.of(vendorsNotified(order, told.size())), messages));
            return Map.of("notified", told);
        }

        private Object updateOrderStatus(Map<String, Object> input, StepContext step) {
            Order order = order(input);
            OrderStatus target = confirmable(input);
            if (order.status() != OrderStatus.PENDING) {
                calls.add(new Call(order, List.of(), List.of()));
                return Map.of("orderId", order.orderId(), "status", order.status().wireName());
            }
            Order confirmed = order.moveTo(target, clock.instant());
            calls.add(new Call(confirmed, List.of(OrderEvent.of(order.orderId(), "Confirmed", target, "workflow",
                    UPDATE_ORDER_STATUS, "", confirmed.updatedAt())), List.of()));
            current = confirmed;
            return Map.of("orderId", confirmed.orderId(), "status", confirmed.status().wireName());
        }

        private Object notifyCustomer(Map<String, Object> input, StepContext step) {
            Order order = order(input);
            if (!"Confirmed".equals(input.get("event"))) {
                throw new StepFailure("NotAhead", "Only a confirmation is told ahead");
            }
            List<Notification> messages = order.status() == OrderStatus.CONFIRMED
                    ? List.of(notices.confirmedMessage(order, audience.customer(), clock.instant())) : List.of();
            calls.add(new Call(order, List.of(), messages));
            return Map.of("event", "Confirmed", "sent", !messages.isEmpty());
        }

        private Order order(Map<String, Object> input) {
            if (!current.orderId().equals(input.get("orderId"))) {
                throw new StepFailure("InvalidInput", "Work ahead is for order " + current.orderId() + " only");
            }
            return current;
        }
    }

    private OrderEvent vendorsNotified(Order order, int vendors) {
        return OrderEvent.of(order.orderId(), "VendorsNotified", order.status(), "workflow", NOTIFY_VENDORS,
                vendors == 1 ? "1 dairy told about its lines" : vendors + " dairies told about their lines", clock.instant());
    }

    private static OrderStatus confirmable(Map<String, Object> input) {
        return OrderStatus.fromWireName(String.valueOf(input.get("status")))
                .filter(s -> s == OrderStatus.CONFIRMED)
                .orElseThrow(() -> new StepFailure("UnsupportedStatus", "The workflow can only confirm orders, not " + input.get("status")));
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
