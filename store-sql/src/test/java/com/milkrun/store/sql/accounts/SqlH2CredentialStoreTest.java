package com.milkrun.store.sql.accounts;

import com.milkrun.accounts.CredentialStore;
import com.milkrun.contract.CredentialStoreContract;
import com.milkrun.store.sql.testing.H2TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlH2CredentialStoreTest extends CredentialStoreContract {
    @RegisterExtension
    static final H2TestDatabase DATABASE = new H2TestDatabase();

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
