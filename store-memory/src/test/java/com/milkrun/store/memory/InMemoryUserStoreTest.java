package com.milkrun.store.memory;

import com.milkrun.accounts.UserStore;
import com.milkrun.contract.UserStoreContract;
import org.junit.jupiter.api.BeforeEach;

class InMemoryUserStoreTest extends UserStoreContract {
    private InMemoryUserStore store;

    @BeforeEach
    void freshStore() {
        store = new InMemoryUserStore();
    }

    @Override
    protected UserStore store() {
        return store;
    }
}
