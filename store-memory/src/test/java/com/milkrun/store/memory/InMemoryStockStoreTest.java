package com.milkrun.store.memory;

import com.milkrun.contract.StockStoreContract;
import com.milkrun.inventory.StockKey;
import com.milkrun.inventory.StockLevel;
import com.milkrun.inventory.StockStore;
import org.junit.jupiter.api.BeforeEach;

class InMemoryStockStoreTest extends StockStoreContract {
    private InMemoryStockStore store;

    @BeforeEach
    void freshStore() {
        store = new InMemoryStockStore();
    }

    @Override
    protected StockStore store() {
        return store;
    }

    @Override
    protected void seedReserved(StockKey key, int stock, int reserved) {
        store.put(new StockLevel(key.vendorId(), key.productId(), stock, reserved));
    }
}
