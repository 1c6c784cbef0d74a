package com.milkrun.store.memory;

/**
 * One in-memory store of each port, for tests and for trying the API without a database. Nothing survives the
 * process. The order store reserves the stock of {@code stock} and starts runs in {@code workflows}.
 */
public record InMemoryStores(InMemoryUserStore users, InMemoryCredentialStore credentials,
                             InMemorySessionStore sessions, InMemorySigningKeyStore signingKeys,
                             InMemoryNotificationStore notifications, InMemoryVendorStore vendors,
                             InMemoryProductStore products, InMemoryStockStore stock, InMemoryOrderStore orders,
                             InMemoryWorkflowStore workflows) {
    /** Fresh, empty stores. */
    public static InMemoryStores create() {
        InMemoryStockStore stock = new InMemoryStockStore();
        InMemoryWorkflowStore workflows = new InMemoryWorkflowStore();
        return new InMemoryStores(new InMemoryUserStore(), new InMemoryCredentialStore(), new InMemorySessionStore(),
                new InMemorySigningKeyStore(), new InMemoryNotificationStore(), new InMemoryVendorStore(),
                new InMemoryProductStore(), stock, new InMemoryOrderStore(stock, workflows), workflows);
    }
}
