package com.milkrun.orders;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an order's timeline: what happened, the status after it, who or which workflow step did it, when.
 * The store numbers an order's events 1, 2, 3... in the order they were written; events handed to it carry 0.
 *
 * @param what   {@code Placed}, {@code VendorsNotified}, {@code Confirmed}, {@code CustomerNotified},
 *               {@code VendorAccepted}, {@code VendorRejected}, {@code Cancelled}, {@code Failed}, ...
 * @param byKind {@code customer}, {@code vendor}, {@code manager}, {@code admin} or {@code workflow}
 * @param by     who: a person's or dairy's name, or the workflow step's name
 * @param note   a reason or detail for people, or empty
 */
public record OrderEvent(long seq, String orderId, String what, OrderStatus status, String byKind, String by,
                         String note, Instant at) {
    public OrderEvent {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(byKind, "byKind");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        note = note == null ? "" : note;
    }

    public static OrderEvent of(String orderId, String what, OrderStatus status, String byKind, String by, String note,
                                Instant at) {
        return new OrderEvent(0, orderId, what, status, byKind, by, note, at);
    }
}
