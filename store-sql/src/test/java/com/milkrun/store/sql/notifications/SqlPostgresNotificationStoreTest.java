package com.milkrun.store.sql.notifications;

import com.milkrun.notifications.NotificationStore;
import com.milkrun.contract.NotificationStoreContract;
import com.milkrun.store.sql.testing.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlPostgresNotificationStoreTest extends NotificationStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

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
