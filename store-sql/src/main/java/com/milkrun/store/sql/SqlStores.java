package com.milkrun.store.sql;

import com.milkrun.accounts.CredentialStore;
import com.milkrun.accounts.SessionStore;
import com.milkrun.accounts.SigningKeyStore;
import com.milkrun.accounts.UserStore;
import com.milkrun.catalog.ProductStore;
import com.milkrun.catalog.VendorStore;
import com.milkrun.inventory.StockStore;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.orders.OrderStore;
import com.milkrun.workflow.WorkflowStore;
import com.milkrun.store.sql.accounts.SqlCredentialStore;
import com.milkrun.store.sql.accounts.SqlSessionStore;
import com.milkrun.store.sql.accounts.SqlSigningKeyStore;
import com.milkrun.store.sql.accounts.SqlUserStore;
import com.milkrun.store.sql.catalog.SqlProductStore;
import com.milkrun.store.sql.catalog.SqlVendorStore;
import com.milkrun.store.sql.inventory.SqlStockStore;
import com.milkrun.store.sql.notifications.SqlNotificationStore;
import com.milkrun.store.sql.orders.SqlOrderStore;
import com.milkrun.store.sql.workflow.SqlWorkflowStore;
import java.time.Clock;

/** Every store port on one {@link SqlDatabase}, for the composition root. */
public record SqlStores(UserStore users, CredentialStore credentials, SessionStore sessions,
                        SigningKeyStore signingKeys, NotificationStore notifications, VendorStore vendors,
                        ProductStore products, StockStore stock, OrderStore orders,
                        WorkflowStore workflows) {
    /** Builds the stores; {@code clock} stamps the records whose ports carry no time of their own. */
    public static SqlStores of(SqlDatabase database, Clock clock) {
        Jdbc jdbc = database.jdbc();
        return new SqlStores(new SqlUserStore(jdbc), new SqlCredentialStore(jdbc), new SqlSessionStore(jdbc),
                new SqlSigningKeyStore(jdbc), new SqlNotificationStore(jdbc), new SqlVendorStore(jdbc),
                new SqlProductStore(jdbc), new SqlStockStore(jdbc, clock), new SqlOrderStore(jdbc, database.dialect()),
                new SqlWorkflowStore(jdbc, database.dialect()));
    }
}
