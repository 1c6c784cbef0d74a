/**
 * Orders: one use case per verb ({@link com.milkrun.orders.PlaceOrder} quotes and places,
 * {@link com.milkrun.orders.CancelOrder}, {@link com.milkrun.orders.DecideVendorLines} for dairies,
 * {@link com.milkrun.orders.FailOrder} the one way an order fails, {@link com.milkrun.orders.OrderQueries} for
 * reading), validation of the request, pricing (GST, delivery, discounts), the delivery window and cut-off, the
 * status table with what each move does to the stock, the limits of what one customer may hold per delivery date,
 * and placing an order as one atomic unit with its stock reservation and idempotency key.
 */
package com.milkrun.orders;
