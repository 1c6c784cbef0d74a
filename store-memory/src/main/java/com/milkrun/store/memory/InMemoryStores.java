package com.milkrun.store.memory;

/**
 * One in-memory store of each port, for tests and for trying the API without a database. Nothing survives the
 * process.
 */
public record InMemoryStores(InMemoryUserStore users, InMemoryCredentialStore credentials,
                             InMemorySessionStore sessions, InMemorySigningKeyStore signingKeys,
                             InMemoryNotificationStore notifications, InMemoryVendorStore vendors,
                             InMemoryProductStore products, InMemoryStockStore stock) {
    /** Fresh, empty stores. */
    public static InMemoryStores create() {
        return new InMemoryStores(new InMemoryUserStore(), new InMemoryCredentialStore(), new InMemorySessionStore(),
                new InMemorySigningKeyStore(), new InMemoryNotificationStore(), new InMemoryVendorStore(),
                new InMemoryProductStore(), new InMemoryStockStore());
    }
}
