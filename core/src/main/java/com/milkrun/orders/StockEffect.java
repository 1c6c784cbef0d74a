package com.milkrun.orders;

/** What a status change does to the stock reserved for the order's lines, in the same atomic write. */
public enum StockEffect {
    /** Nothing. */
    NONE,
    /** Give the reservation back: {@code reserved -= q} (cancelled, failed). */
    RELEASE,
    /** The goods left the shelf: {@code stock -= q, reserved -= q} (delivered); the customer earns points. */
    COMMIT
}
