package com.milkrun.store.sql.accounts;

import com.milkrun.accounts.UserStore;
import com.milkrun.contract.UserStoreContract;
import com.milkrun.store.sql.testing.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlPostgresUserStoreTest extends UserStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

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
