package com.milkrun.store.memory;

import com.milkrun.contract.OrderStoreContract;
import com.milkrun.inventory.StockStore;
import com.milkrun.orders.OrderStore;
import org.junit.jupiter.api.BeforeEach;

class InMemoryOrderStoreTest extends OrderStoreContract {
    private InMemoryStockStore stock;
    private InMemoryOrderStore store;

    @BeforeEach
    void freshStores() {
        stock = new InMemoryStockStore();
        store = new InMemoryOrderStore(stock);
    }

    @Override
    protected OrderStore store() {
        return store;
    }

    @Override
    protected StockStore stock() {
        return stock;
    }
}
