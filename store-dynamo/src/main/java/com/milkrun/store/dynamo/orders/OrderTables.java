package com.milkrun.store.dynamo.orders;

/**
 * The tables an order's atomic writes span: its own, the inventory it reserves, the workflow runs it starts and the
 * notifications its first steps send.
 */
public record OrderTables(String orders, String inventory, String runs, String notifications) {
}
