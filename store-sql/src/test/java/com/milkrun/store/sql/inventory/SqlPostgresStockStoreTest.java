package com.milkrun.store.sql.inventory;

import com.milkrun.contract.StockStoreContract;
import com.milkrun.inventory.StockKey;
import com.milkrun.inventory.StockStore;
import com.milkrun.store.sql.testing.InventoryRows;
import com.milkrun.store.sql.testing.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlPostgresStockStoreTest extends StockStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private StockStore store;

    @BeforeEach
    void freshStore() {
        store = DATABASE.stores().stock();
    }

    @Override
    protected StockStore store() {
        return store;
    }

    @Override
    protected void seedReserved(StockKey key, int stock, int reserved) {
        InventoryRows.put(DATABASE.database().jdbc(), key, stock, reserved);
    }
}
