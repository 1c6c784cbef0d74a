package com.milkrun.store.sql.catalog;

import com.milkrun.catalog.ProductStore;
import com.milkrun.contract.ProductStoreContract;
import com.milkrun.store.sql.testing.H2TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlH2ProductStoreTest extends ProductStoreContract {
    @RegisterExtension
    static final H2TestDatabase DATABASE = new H2TestDatabase();

    private ProductStore store;

    @BeforeEach
    void freshStore() {
        store = DATABASE.stores().products();
    }

    @Override
    protected ProductStore store() {
        return store;
    }
}
