package com.milkrun.store.sql.catalog;

import com.milkrun.catalog.ProductStore;
import com.milkrun.contract.ProductStoreContract;
import com.milkrun.store.sql.testing.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlPostgresProductStoreTest extends ProductStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

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
