package com.milkrun.store.sql;

import com.milkrun.store.sql.accounts.SqlCredentialStore;
import com.milkrun.store.sql.accounts.SqlSessionStore;
import com.milkrun.store.sql.accounts.SqlSigningKeyStore;
import com.milkrun.store.sql.accounts.SqlUserStore;
import com.milkrun.store.sql.catalog.SqlProductStore;
import com.milkrun.store.sql.catalog.SqlVendorStore;
import com.milkrun.store.sql.inventory.SqlStockStore;
import com.milkrun.store.sql.notifications.SqlNotificationStore;
import com.milkrun.store.sql.orders.SqlOrderStore;
import com.milkrun.store.sql.orders.SqlPlacingReads;
import com.milkrun.store.sql.workflow.SqlWorkflowStore;
import com.milkrun.stores.Stores;
import java.time.Clock;

/** The SQL registry: every store port on one {@link SqlDatabase}, for the composition root. */
public final class SqlStores {
    private SqlStores() {
    }

    /**
     * Builds the stores on {@code database}; they are ready while it answers a ping, and closing them closes it.
     * {@code clock} stamps the records whose ports carry no time of their own.
     */
    public static Stores of(SqlDatabase database, Clock clock) {
        Jdbc jdbc = database.jdbc();
        SqlUserStore users = new SqlUserStore(jdbc);
        SqlVendorStore vendors = new SqlVendorStore(jdbc);
        SqlProductStore products = new SqlProductStore(jdbc);
        SqlOrderStore orders = new SqlOrderStore(jdbc, database.dialect());
        return new Stores(users, new SqlCredentialStore(jdbc), new SqlSessionStore(jdbc), new SqlSigningKeyStore(jdbc),
                new SqlNotificationStore(jdbc), vendors, products, new SqlStockStore(jdbc, clock), orders,
                new SqlPlacingReads(jdbc, products, vendors, users, orders), new SqlWorkflowStore(jdbc, database.dialect()),
                database::ping, database::close);
    }
}
