package com.milkrun.orders;

import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Orders, their stock reservations, idempotency keys and customer stats. Placing and every status change with a
 * stock effect are single atomic units (one transaction in SQL; one TransactWriteItems on DynamoDB).
 */
public interface OrderStore {
    /**
     * Stores the placement atomically: claims the idempotency key for the customer, checks the customer's stats
     * against what the pricing assumed (and updates them), reserves every line ({@code reserved += q} only while
     * {@code stock - reserved >= q}) and stores the order. Either all of it happens or none of it.
     */
    PlaceResult place(Placement placement);

    Optional<Order> get(String orderId);

    Optional<IdempotencyRecord> findIdempotencyKey(String userId, String key);

    /** The customer's stats; zeros for a customer who never ordered. */
    CustomerStats stats(String userId);

    /**
     * Stores a status change if the stored version equals {@code order.version()}, applying {@code effect} to every
     * line's stock in the same atomic write.
     *
     * @return the order as stored, version increased by one
     * @throws com.milkrun.shared.ConcurrentModification when the stored version differs
     */
    Order update(Order order, StockEffect effect);

    /** A customer's orders, newest first. */
    Page<Order> listForUser(String userId, PageRequest page);

    /** All orders matching the query, newest first. */
    Page<Order> list(OrderQuery query, PageRequest page);

    /** A vendor's order lines, newest order first, optionally for one delivery date and status. */
    Page<VendorOrderLine> listForVendor(String vendorId, Optional<LocalDate> deliveryDate, Optional<OrderStatus> status,
                                        PageRequest page);
}
