package com.milkrun.stores;

import com.milkrun.accounts.CredentialStore;
import com.milkrun.accounts.SessionStore;
import com.milkrun.accounts.SigningKeyStore;
import com.milkrun.accounts.UserStore;
import com.milkrun.catalog.ProductStore;
import com.milkrun.catalog.VendorStore;
import com.milkrun.inventory.StockStore;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.orders.OrderStore;
import com.milkrun.orders.PlacingReads;
import com.milkrun.workflow.WorkflowStore;
import java.util.function.BooleanSupplier;

/**
 * One adapter of every store port, all from one technology, plus a liveness check and a way to close them. Each
 * adapter module has one registry that builds this whole set, so that the composition root picks a technology and
 * maps nothing port by port, and a new port is added here and in each registry.
 *
 * @param placingReads what placing an order reads before it writes, from the stores above (together where they can)
 * @param ready        whether the stores answer (for {@code /health})
 * @param closer       releases what the stores hold (a connection pool); closing twice is harmless
 */
public record Stores(UserStore users, CredentialStore credentials, SessionStore sessions, SigningKeyStore signingKeys,
                     NotificationStore notifications, VendorStore vendors, ProductStore products, StockStore stock,
                     OrderStore orders, PlacingReads placingReads, WorkflowStore workflows, BooleanSupplier ready,
                     AutoCloseable closer)
        implements AutoCloseable {
    /** The same stores with another user store in front (say, one that remembers reads within a request). */
    public Stores withUsers(UserStore replacement) {
        return new Stores(replacement, credentials, sessions, signingKeys, notifications, vendors, products, stock, orders,
                placingReads, workflows, ready, closer);
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
