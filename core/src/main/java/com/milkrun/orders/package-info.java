/**
 * Orders: validation with the seed's codes, pricing (GST, delivery, discounts), the delivery window and cut-off,
 * the status table, and placing an order as one atomic unit with its stock reservation and idempotency key.
 */
package com.milkrun.orders;
