package com.milkrun.store.dynamo.catalog;

import com.milkrun.catalog.VendorStore;
import com.milkrun.contract.VendorStoreContract;
import com.milkrun.store.dynamo.testing.DynamoTables;
import org.junit.jupiter.api.BeforeEach;

class DynamoVendorStoreTest extends VendorStoreContract {
    private VendorStore store;

    @BeforeEach
    void freshStore() {
        store = new DynamoVendorStore(DynamoTables.client(), DynamoTables.fresh(DynamoVendorStore.TABLE));
    }

    @Override
    protected VendorStore store() {
        return store;
    }
}
