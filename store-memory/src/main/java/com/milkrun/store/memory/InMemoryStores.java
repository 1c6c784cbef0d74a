package com.milkrun.store.memory;

import com.milkrun.stores.Stores;

/**
 * The in-memory registry: one in-memory store of each port, for tests and for trying the API without a database.
 * Nothing survives the process. The order store reserves the stock of the same stock store and starts runs in the
 * same workflow store, and sends the messages of its orders' first steps in the same notification store.
 */
public final class InMemoryStores {
    private InMemoryStores() {
    }

    /** Fresh, empty stores; always ready, and closing them does nothing. */
    public static Stores create() {
        InMemoryStockStore stock = new InMemoryStockStore();
        InMemoryWorkflowStore workflows = new InMemoryWorkflowStore();
        InMemoryNotificationStore notifications = new InMemoryNotificationStore();
        return new Stores(new InMemoryUserStore(), new InMemoryCredentialStore(), new InMemorySessionStore(),
                new InMemorySigningKeyStore(), notifications, new InMemoryVendorStore(), new InMemoryProductStore(),
                stock, new InMemoryOrderStore(stock, workflows, notifications), workflows, () -> true, () -> { });
    }
}
