package com.milkrun.store.dynamo.accounts;

import com.milkrun.accounts.UserStore;
import com.milkrun.contract.UserStoreContract;
import com.milkrun.store.dynamo.testing.DynamoTables;
import org.junit.jupiter.api.BeforeEach;

class DynamoUserStoreTest extends UserStoreContract {
    private UserStore store;

    @BeforeEach
    void freshStore() {
        store = new DynamoUserStore(DynamoTables.client(), DynamoTables.fresh(DynamoUserStore.TABLE));
    }

    @Override
    protected UserStore store() {
        return store;
    }
}
