package com.milkrun.orders;

/**
 * How much one customer may hold for one delivery date, so that a single free account cannot reserve a product's
 * whole stock with orders it never pays for and keep it until the cut-off: at most {@code maxOpenCashOrders} open
 * cash-on-delivery orders, and at most {@code maxUnitsPerProduct} units of one dairy's product across its open
 * orders. An order stops counting once it is cancelled, failed or delivered.
 *
 * <p>The store checks both while placing, in the same atomic unit as the stock reservation, so that concurrent
 * orders cannot slip past them.
 */
public record OrderLimits(int maxOpenCashOrders, int maxUnitsPerProduct) {
    public static final int DEFAULT_MAX_OPEN_CASH_ORDERS = 3;
    public static final int DEFAULT_MAX_UNITS_PER_PRODUCT = 20;

    /** No limit: for stores loaded outside checkout (demo data, tests of other rules). */
    public static final OrderLimits NONE = new OrderLimits(Integer.MAX_VALUE, Integer.MAX_VALUE);

    public OrderLimits {
        if (maxOpenCashOrders < 1 || maxUnitsPerProduct < 1) {
            throw new IllegalArgumentException("limits must be at least 1, got " + maxOpenCashOrders + " orders and "
                    + maxUnitsPerProduct + " units");
        }
    }

    public static OrderLimits defaults() {
        return new OrderLimits(DEFAULT_MAX_OPEN_CASH_ORDERS, DEFAULT_MAX_UNITS_PER_PRODUCT);
    }
}
