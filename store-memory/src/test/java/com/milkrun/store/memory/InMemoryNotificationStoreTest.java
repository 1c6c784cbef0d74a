package com.milkrun.store.memory;

import com.milkrun.notifications.NotificationStore;
import com.milkrun.contract.NotificationStoreContract;
import org.junit.jupiter.api.BeforeEach;

class InMemoryNotificationStoreTest extends NotificationStoreContract {
    private InMemoryNotificationStore store;

    @BeforeEach
    void freshStore() {
        store = new InMemoryNotificationStore();
    }

    @Override
    protected NotificationStore store() {
        return store;
    }
}
