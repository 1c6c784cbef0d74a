package com.milkrun.store.dynamo.notifications;

import com.milkrun.contract.NotificationStoreContract;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.store.dynamo.testing.DynamoTables;
import org.junit.jupiter.api.BeforeEach;

class DynamoNotificationStoreTest extends NotificationStoreContract {
    private NotificationStore store;

    @BeforeEach
    void freshStore() {
        store = new DynamoNotificationStore(DynamoTables.client(), DynamoTables.fresh(DynamoNotificationStore.TABLE));
    }

    @Override
    protected NotificationStore store() {
        return store;
    }
}
