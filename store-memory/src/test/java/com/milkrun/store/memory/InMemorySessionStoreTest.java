package com.milkrun.store.memory;

import com.milkrun.accounts.SessionStore;
import com.milkrun.contract.SessionStoreContract;
import org.junit.jupiter.api.BeforeEach;

class InMemorySessionStoreTest extends SessionStoreContract {
    private InMemorySessionStore store;

    @BeforeEach
    void freshStore() {
        store = new InMemorySessionStore();
    }

    @Override
    protected SessionStore store() {
        return store;
    }
}
