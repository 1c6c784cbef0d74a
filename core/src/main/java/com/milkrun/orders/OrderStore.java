package com.milkrun.orders;

import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Orders, their stock reservations, idempotency keys and customer stats. Placing and every status change with a
 * stock effect are single atomic units (one transaction in SQL; one TransactWriteItems on DynamoDB).
 */
public interface OrderStore {
    /**
     * Stores the placement atomically: claims the idempotency key for the customer, checks the customer's stats
     * against what the pricing assumed (and updates them), counts the order against the customer's
     * {@link Placement#limits} for its delivery date (open cash-on-delivery orders {@code < max} before, units of
     * each line's product {@code + q <= max}), reserves every line ({@code reserved += q} only while
     * {@code stock - reserved >= q}), stores the order with the first entry of its timeline and, when given, the
     * start of its workflow run. Either all of it happens or none of it: the answer tells which check failed first
     * (key, stats, limits, stock).
     *
     * <p>What a customer holds for a date is a counter per (customer, date) with one count per product, kept by
     * the store: placing adds to it under the limits' conditions, and every status change whose stock effect ends
     * the reservation ({@link StockEffect#RELEASE}, {@link StockEffect#COMMIT}) takes the order off it in the same
     * atomic write. On DynamoDB this is one item per (customer, date) updated with a condition in the placement's
     * TransactWriteItems.
     */
    PlaceResult place(Placement placement);

    Optional<Order> get(String orderId);

    Optional<IdempotencyRecord> findIdempotencyKey(String userId, String key);

    /** The customer's stats; zeros for a customer who never ordered. */
    CustomerStats stats(String userId);

    /**
     * Stores a status change if the stored version equals {@code order.version()}, applying {@code effect} to every
     * line's stock and appending {@code event} to the timeline, in the same atomic write.
     *
     * @return the order as stored, version increased by one
     * @throws com.milkrun.shared.ConcurrentModification when the stored version differs
     */
    Order update(Order order, StockEffect effect, OrderEvent event);

    /** Stores a status change with the stock effect the status table gives it; see {@link #update(Order, StockEffect, OrderEvent)}. */
    default Order update(StatusChange change, OrderEvent event) {
        return update(change.order(), change.stockEffect(), event);
    }

    /** {@link #update(StatusChange, OrderEvent)} with a timeline entry naming the new status, by the system. */
    default Order update(StatusChange change) {
        return update(change.order(), change.stockEffect());
    }

    /** {@link #update(Order, StockEffect, OrderEvent)} with a timeline entry naming the new status, by the system. */
    default Order update(Order order, StockEffect effect) {
        return update(order, effect, OrderEvent.of(order.orderId(), order.status().wireName(), order.status(), "system",
                "MilkRun", "", order.updatedAt()));
    }

    /**
     * Appends an entry that changes no status (a vendor accepting, a notification sent) to the timeline.
     *
     * @throws com.milkrun.shared.DomainException 404 for an unknown order
     */
    void addEvent(OrderEvent event);

    /**
     * Appends the entry unless the timeline already has one with the same {@code what}, deciding under the same
     * lock as every other writer of the order: how a step that may run twice (or in two processes at once) records
     * itself once.
     *
     * @return true when appended
     * @throws com.milkrun.shared.DomainException 404 for an unknown order
     */
    boolean addEventOnce(OrderEvent event);

    /** The order's timeline, oldest first; empty for an unknown order. */
    List<OrderEvent> timeline(String orderId);

    /**
     * Stores a vendor's decision on its lines of an order, unless that vendor already decided.
     *
     * @return true when stored, false when a decision was already there (the stored one stays)
     */
    boolean decide(VendorDecision decision);

    /** The decisions vendors made on an order, in the order they were made. */
    List<VendorDecision> decisions(String orderId);

    /** A customer's orders, newest first. */
    Page<Order> listForUser(String userId, PageRequest page);

    /** All orders matching the query, newest first. */
    Page<Order> list(OrderQuery query, PageRequest page);

    /** A vendor's order lines, newest order first, optionally for one delivery date and status. */
    Page<VendorOrderLine> listForVendor(String vendorId, Optional<LocalDate> deliveryDate, Optional<OrderStatus> status,
                                        PageRequest page);
}
