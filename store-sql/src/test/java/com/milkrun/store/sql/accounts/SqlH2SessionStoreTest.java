package com.milkrun.store.sql.accounts;

import com.milkrun.accounts.SessionStore;
import com.milkrun.contract.SessionStoreContract;
import com.milkrun.store.sql.testing.H2TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlH2SessionStoreTest extends SessionStoreContract {
    @RegisterExtension
    static final H2TestDatabase DATABASE = new H2TestDatabase();

    private SessionStore store;

    @BeforeEach
    void freshStore() {
        store = DATABASE.stores().sessions();
    }

    @Override
    protected SessionStore store() {
        return store;
    }
}
