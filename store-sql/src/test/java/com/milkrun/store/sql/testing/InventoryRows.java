package com.milkrun.store.sql.testing;

import com.milkrun.inventory.StockKey;
import com.milkrun.store.sql.Jdbc;
import com.milkrun.testing.Times;

/** Writes inventory rows directly, for tests that need units reserved before the ordering use cases exist. */
public final class InventoryRows {
    private InventoryRows() {
    }

    /** Sets stock and reserved units of a record, creating it if needed; the CHECK constraints still apply. */
    public static void put(Jdbc jdbc, StockKey key, int stock, int reserved) {
        jdbc.updateOrInsert(
                "UPDATE inventory SET stock = ?, reserved = ?, updated_at = ?, version = version + 1"
                        + " WHERE vendor_id = ? AND product_id = ?",
                new Object[] {stock, reserved, Times.MORNING_RUN, key.vendorId(), key.productId()},
                "INSERT INTO inventory (vendor_id, product_id, stock, reserved, updated_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, 1)",
                new Object[] {key.vendorId(), key.productId(), stock, reserved, Times.MORNING_RUN});
    }
}
