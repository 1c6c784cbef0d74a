package com.milkrun.store.memory;

import com.milkrun.catalog.VendorStore;
import com.milkrun.contract.VendorStoreContract;
import org.junit.jupiter.api.BeforeEach;

class InMemoryVendorStoreTest extends VendorStoreContract {
    private InMemoryVendorStore store;

    @BeforeEach
    void freshStore() {
        store = new InMemoryVendorStore();
    }

    @Override
    protected VendorStore store() {
        return store;
    }
}
