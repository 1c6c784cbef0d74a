/**
 * SQL adapter of the order port: orders with their lines, idempotency keys and customer stats, placed together with
 * the stock reservation of every line in one transaction.
 */
package com.milkrun.store.sql.orders;
