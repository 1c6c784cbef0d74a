package com.milkrun.store.sql.notifications;

import com.milkrun.notifications.NotificationStore;
import com.milkrun.contract.NotificationStoreContract;
import com.milkrun.store.sql.testing.H2TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlH2NotificationStoreTest extends NotificationStoreContract {
    @RegisterExtension
    static final H2TestDatabase DATABASE = new H2TestDatabase();

    private NotificationStore store;

    @BeforeEach
    void freshStore() {
        store = DATABASE.stores().notifications();
    }

    @Override
    protected NotificationStore store() {
        return store;
    }
}
