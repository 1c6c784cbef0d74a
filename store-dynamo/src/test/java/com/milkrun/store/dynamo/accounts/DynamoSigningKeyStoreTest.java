package com.milkrun.store.dynamo.accounts;

import com.milkrun.accounts.SigningKeyStore;
import com.milkrun.contract.SigningKeyStoreContract;
import com.milkrun.store.dynamo.testing.DynamoTables;
import org.junit.jupiter.api.BeforeEach;

class DynamoSigningKeyStoreTest extends SigningKeyStoreContract {
    private SigningKeyStore store;

    @BeforeEach
    void freshStore() {
        store = new DynamoSigningKeyStore(DynamoTables.client(), DynamoTables.fresh(DynamoSigningKeyStore.TABLE));
    }

    @Override
    protected SigningKeyStore store() {
        return store;
    }
}
