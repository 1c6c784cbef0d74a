package com.milkrun.orders;

import java.util.Objects;

/**
 * An order in its new status and what the move does to its reserved stock, both taken from {@link OrderStatus}'s
 * table by {@link Order#change}: callers never pick the stock effect themselves.
 */
public record StatusChange(Order order, StockEffect stockEffect) {
    public StatusChange {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(stockEffect, "stockEffect");
    }
}
