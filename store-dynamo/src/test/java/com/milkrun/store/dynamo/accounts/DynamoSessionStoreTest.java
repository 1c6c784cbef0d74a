package com.milkrun.store.dynamo.accounts;

import com.milkrun.accounts.SessionStore;
import com.milkrun.contract.SessionStoreContract;
import com.milkrun.store.dynamo.testing.DynamoTables;
import org.junit.jupiter.api.BeforeEach;

class DynamoSessionStoreTest extends SessionStoreContract {
    private SessionStore store;

    @BeforeEach
    void freshStore() {
        store = new DynamoSessionStore(DynamoTables.client(), DynamoTables.fresh(DynamoSessionStore.TABLE));
    }

    @Override
    protected SessionStore store() {
        return store;
    }
}
