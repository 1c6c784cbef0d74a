package com.milkrun.store.sql.accounts;

import com.milkrun.accounts.CredentialStore;
import com.milkrun.contract.CredentialStoreContract;
import com.milkrun.store.sql.testing.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlPostgresCredentialStoreTest extends CredentialStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private CredentialStore store;

    @BeforeEach
    void freshStore() {
        store = DATABASE.stores().credentials();
    }

    @Override
    protected CredentialStore store() {
        return store;
    }
}
