package com.milkrun.store.sql.accounts;

import com.milkrun.accounts.SessionStore;
import com.milkrun.contract.SessionStoreContract;
import com.milkrun.store.sql.testing.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlPostgresSessionStoreTest extends SessionStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

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
