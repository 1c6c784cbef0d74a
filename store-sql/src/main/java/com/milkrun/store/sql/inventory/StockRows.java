package com.milkrun.store.sql.inventory;

import com.milkrun.inventory.StockLevel;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The columns of {@code inventory}, and how a row becomes a stock level. */
final class StockRows {
    static final String VENDOR_ID = "vendor_id";
    static final String PRODUCT_ID = "product_id";
    static final String STOCK = "stock";
    static final String RESERVED = "reserved";
    static final String COLUMNS = "vendor_id, product_id, stock, reserved";

    private StockRows() {
    }

    static StockLevel level(ResultSet row) throws SQLException {
        return new StockLevel(row.getString(VENDOR_ID), row.getString(PRODUCT_ID), row.getInt(STOCK),
                row.getInt(RESERVED));
    }
}
