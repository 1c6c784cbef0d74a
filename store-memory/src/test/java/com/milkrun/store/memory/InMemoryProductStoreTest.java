package com.milkrun.store.memory;

import com.milkrun.catalog.ProductStore;
import com.milkrun.contract.ProductStoreContract;
import org.junit.jupiter.api.BeforeEach;

class InMemoryProductStoreTest extends ProductStoreContract {
    private InMemoryProductStore store;

    @BeforeEach
    void freshStore() {
        store = new InMemoryProductStore();
    }

    @Override
    protected ProductStore store() {
        return store;
    }
}
