package com.milkrun.store.sql.accounts;

import com.milkrun.accounts.UserStore;
import com.milkrun.contract.UserStoreContract;
import com.milkrun.store.sql.testing.H2TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlH2UserStoreTest extends UserStoreContract {
    @RegisterExtension
    static final H2TestDatabase DATABASE = new H2TestDatabase();

    private UserStore store;

    @BeforeEach
    void freshStore() {
        store = DATABASE.stores().users();
    }

    @Override
    protected UserStore store() {
        return store;
    }
}
