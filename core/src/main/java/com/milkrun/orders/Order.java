package com.milkrun.orders;

import com.milkrun.shared.DomainException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A customer's order: lines from one or more vendors, their prices, the delivery date and address.
 *
 * <p>Lifecycle: placed {@code Pending} (cash on delivery) or {@code PaymentPending} together with the reservation
 * of its stock; confirmed by the order workflow; then processing, out for delivery and delivered, when the reserved
 * stock leaves the shelf. Cancelled or failed orders give their reservation back. {@link #change} (or
 * {@link #moveTo} for the order alone) is the only way to change the status and it obeys {@link OrderStatus}'s
 * table, which also says what the change does to the stock. Every stored change bumps {@code version}.
 */
public record Order(String orderId, String userId, List<OrderLine> lines, Pricing pricing, OrderStatus status,
                    LocalDate deliveryDate, DeliveryAddress deliveryAddress, PaymentMethod paymentMethod,
                    Instant createdAt, Instant updatedAt, long version) {
    public Order {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(pricing, "pricing");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(deliveryDate, "deliveryDate");
        Objects.requireNonNull(deliveryAddress, "deliveryAddress");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
    }

    /**
     * The order in its next status.
     *
     * @throws DomainException 409 {@code InvalidStatusTransition} when the table does not allow the move
     */
    public Order moveTo(OrderStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw DomainException.conflict("InvalidStatusTransition",
                    "An order that is " + status.wireName() + " cannot become " + next.wireName());
        }
        return new Order(orderId, userId, lines, pricing, next, deliveryDate, deliveryAddress, paymentMethod,
                createdAt, now, version);
    }

    /**
     * The order in its next status together with what the move does to its reserved stock, as the status table
     * says: what {@link OrderStore#update(StatusChange, OrderEvent)} stores.
     *
     * @throws DomainException 409 {@code InvalidStatusTransition} when the table does not allow the move
     */
    public StatusChange change(OrderStatus next, Instant now) {
        Order moved = moveTo(next, now);
        return new StatusChange(moved, status.stockEffectOfMovingTo(next));
    }

    public boolean hasVendor(String vendorId) {
        return lines.stream().anyMatch(l -> l.vendorId().equals(vendorId));
    }
}
