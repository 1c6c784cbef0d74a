package com.milkrun.store.sql.accounts;

import com.milkrun.accounts.SigningKeyStore;
import com.milkrun.contract.SigningKeyStoreContract;
import com.milkrun.store.sql.testing.H2TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlH2SigningKeyStoreTest extends SigningKeyStoreContract {
    @RegisterExtension
    static final H2TestDatabase DATABASE = new H2TestDatabase();

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
