package com.milkrun.store.sql.catalog;

import com.milkrun.catalog.VendorStore;
import com.milkrun.contract.VendorStoreContract;
import com.milkrun.store.sql.testing.H2TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlH2VendorStoreTest extends VendorStoreContract {
    @RegisterExtension
    static final H2TestDatabase DATABASE = new H2TestDatabase();

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
