package com.milkrun.store.memory;

import com.milkrun.orders.PlacingReads;
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
        InMemoryUserStore users = new InMemoryUserStore();
        InMemoryVendorStore vendors = new InMemoryVendorStore();
        InMemoryProductStore products = new InMemoryProductStore();
        InMemoryOrderStore orders = new InMemoryOrderStore(stock, workflows, notifications);
        return new Stores(users, new InMemoryCredentialStore(), new InMemorySessionStore(), new InMemorySigningKeyStore(),
                notifications, vendors, products, stock, orders, PlacingReads.apart(products, vendors, users, orders),
                workflows, () -> true, () -> { });
    }
}
