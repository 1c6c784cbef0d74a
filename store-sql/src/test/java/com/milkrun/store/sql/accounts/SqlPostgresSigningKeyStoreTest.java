package com.milkrun.store.sql.accounts;

import com.milkrun.accounts.SigningKeyStore;
import com.milkrun.contract.SigningKeyStoreContract;
import com.milkrun.store.sql.testing.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlPostgresSigningKeyStoreTest extends SigningKeyStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    private SigningKeyStore store;

    @BeforeEach
    void freshStore() {
        store = DATABASE.stores().signingKeys();
    }

    @Override
    protected SigningKeyStore store() {
        return store;
    }
}
