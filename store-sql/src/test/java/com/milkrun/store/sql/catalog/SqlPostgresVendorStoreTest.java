package com.milkrun.store.sql.catalog;

import com.milkrun.catalog.VendorStore;
import com.milkrun.contract.VendorStoreContract;
import com.milkrun.store.sql.testing.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlPostgresVendorStoreTest extends VendorStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private VendorStore store;

    @BeforeEach
    void freshStore() {
        store = DATABASE.stores().vendors();
    }

    @Override
    protected VendorStore store() {
        return store;
    }
}
