package com.milkrun.store.memory;

import com.milkrun.contract.PlacingReadsContract;
import com.milkrun.stores.Stores;
import org.junit.jupiter.api.BeforeEach;

class InMemoryPlacingReadsTest extends PlacingReadsContract {
    private Stores stores;

    @BeforeEach
    void freshStores() {
        stores = InMemoryStores.create();
    }

    @Override
    protected Stores stores() {
        return stores;
    }
}
