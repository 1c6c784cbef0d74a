package com.milkrun.store.memory;

import com.milkrun.accounts.SigningKeyStore;
import com.milkrun.contract.SigningKeyStoreContract;
import org.junit.jupiter.api.BeforeEach;

class InMemorySigningKeyStoreTest extends SigningKeyStoreContract {
    private InMemorySigningKeyStore store;

    @BeforeEach
    void freshStore() {
        store = new InMemorySigningKeyStore();
    }

    @Override
    protected SigningKeyStore store() {
        return store;
    }
}
