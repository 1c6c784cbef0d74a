package com.milkrun.store.dynamo.catalog;

import com.milkrun.catalog.ProductStore;
import com.milkrun.contract.ProductStoreContract;
import com.milkrun.store.dynamo.testing.DynamoTables;
import org.junit.jupiter.api.BeforeEach;

class DynamoProductStoreTest extends ProductStoreContract {
    private ProductStore store;

    @BeforeEach
    void freshStore() {
        store = new DynamoProductStore(DynamoTables.client(), DynamoTables.fresh(DynamoProductStore.TABLE));
    }

    @Override
    protected ProductStore store() {
        return store;
    }
}
