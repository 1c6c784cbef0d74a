package com.milkrun.store.memory;

import com.milkrun.accounts.CredentialStore;
import com.milkrun.contract.CredentialStoreContract;
import org.junit.jupiter.api.BeforeEach;

class InMemoryCredentialStoreTest extends CredentialStoreContract {
    private InMemoryCredentialStore store;

    @BeforeEach
    void freshStore() {
        store = new InMemoryCredentialStore();
    }

    @Override
    protected CredentialStore store() {
        return store;
    }
}
