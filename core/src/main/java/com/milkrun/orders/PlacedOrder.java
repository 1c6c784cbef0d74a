package com.milkrun.orders;

/** The answer to placing an order: the order, and whether it was placed now or earlier with the same key. */
public record PlacedOrder(Order order, boolean replayed) {
}
