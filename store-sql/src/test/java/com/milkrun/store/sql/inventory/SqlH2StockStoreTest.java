package com.milkrun.store.sql.inventory;

import com.milkrun.contract.StockStoreContract;
import com.milkrun.inventory.StockKey;
import com.milkrun.inventory.StockStore;
import com.milkrun.store.sql.testing.H2TestDatabase;
import com.milkrun.store.sql.testing.InventoryRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlH2StockStoreTest extends StockStoreContract {
    @RegisterExtension
    static final H2TestDatabase DATABASE = new H2TestDatabase();

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
