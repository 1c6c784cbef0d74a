package com.milkrun.orders;

import com.milkrun.access.Principal;
import com.milkrun.accounts.User;
import com.milkrun.accounts.UserStore;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Retry;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A customer (or the back office) cancels an order while that is still allowed: before it is out for delivery and
 * before the cut-off of the day before delivery. The stock goes back, the workflow stops, customer and dairies are told.
 */
public final class CancelOrder {
    private final OrderStore orders;
    private final UserStore users;
    private final DeliveryWindow window;
    private final OrderProcessing processing;
    private final Optional<OrderNotices> notices;
    private final Clock clock;

    public CancelOrder(OrderStore orders, UserStore users, DeliveryWindow window, OrderProcessing processing,
                       Optional<OrderNotices> notices, Clock clock) {
        this.orders = orders;
        this.users = users;
        this.window = window;
        this.processing = processing;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * Cancels the order the caller may see.
     *
     * @throws DomainException 404 for an order the caller may not see, 409 {@code CannotCancel}
     */
    public Order cancel(Principal caller, String orderId) {
        Order cancelled = Retry.onConflict(() -> {
            Order order = OrderQueries.visible(orders, caller, orderId);
            Instant now = clock.instant();
            if (!allowed(order, window, now)) {
                throw DomainException.conflict("CannotCancel", reasonRefused(order));
            }
            return orders.update(order.change(OrderStatus.CANCELLED, now),
                    OrderEvent.of(orderId, "Cancelled", OrderStatus.CANCELLED, byKind(caller, order), displayName(caller), "", now));
        });
        processing.stop(orderId, "OrderCancelled", "The order was cancelled");
        notices.ifPresent(n -> {
            n.cancelled(cancelled);
            n.endedForVendors(cancelled, "Cancelled", "", Optional.empty());
        });
        return cancelled;
    }

    static boolean allowed(Order order, DeliveryWindow window, Instant now) {
        return order.status().canMoveTo(OrderStatus.CANCELLED) && now.isBefore(window.cancelDeadline(order.deliveryDate()).toInstant());
    }

    private String reasonRefused(Order order) {
        if (!order.status().canMoveTo(OrderStatus.CANCELLED)) {
            return "An order that is " + order.status().wireName() + " can no longer be cancelled";
        }
        return "Orders for " + order.deliveryDate() + " could be cancelled until " + window.cutoff() + " the day before";
    }

    private static String byKind(Principal caller, Order order) {
        if (caller.userId().equals(order.userId())) {
            return "customer";
        }
        return caller.role().name().toLowerCase(Locale.ROOT);
    }

    private String displayName(Principal caller) {
        return users.get(caller.userId()).map(User::name).filter(n -> !n.isBlank()).orElse(caller.role().name());
    }
}
