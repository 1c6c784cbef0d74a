package com.milkrun.store.dynamo;

import com.milkrun.store.dynamo.accounts.DynamoCredentialStore;
import com.milkrun.store.dynamo.accounts.DynamoSessionStore;
import com.milkrun.store.dynamo.accounts.DynamoSigningKeyStore;
import com.milkrun.store.dynamo.accounts.DynamoUserStore;
import com.milkrun.store.dynamo.catalog.DynamoProductStore;
import com.milkrun.store.dynamo.catalog.DynamoVendorStore;
import com.milkrun.store.dynamo.inventory.DynamoStockStore;
import com.milkrun.store.dynamo.notifications.DynamoNotificationStore;
import com.milkrun.store.dynamo.orders.DynamoOrderStore;
import com.milkrun.store.dynamo.orders.OrderTables;
import com.milkrun.store.dynamo.workflow.DynamoWorkflowStore;
import com.milkrun.orders.PlacingReads;
import com.milkrun.stores.Stores;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The DynamoDB registry: every store port on one {@link DynamoDbClient}, for the composition root; and the list of
 * tables they use, which the SAM template declares and tests create.
 */
public final class DynamoStores {
    /** Every table MilkRun's DynamoDB stores read or write. */
    public static final List<TableSpec> TABLES = List.of(DynamoUserStore.TABLE, DynamoCredentialStore.TABLE,
            DynamoSessionStore.TABLE, DynamoSigningKeyStore.TABLE, DynamoNotificationStore.TABLE, DynamoVendorStore.TABLE,
            DynamoProductStore.TABLE, DynamoStockStore.TABLE, DynamoOrderStore.TABLE, DynamoWorkflowStore.TABLE);

    private DynamoStores() {
    }

    /**
     * Builds the stores on {@code dynamo} and the tables {@code names} gives; they are ready while the users table
     * answers, and closing them closes the client. {@code clock} stamps the records whose ports carry no time.
     */
    public static Stores of(DynamoDbClient dynamo, DynamoTableNames names, Clock clock) {
        OrderTables orderTables = new OrderTables(names.of(DynamoOrderStore.TABLE), names.of(DynamoStockStore.TABLE),
                names.of(DynamoWorkflowStore.TABLE), names.of(DynamoNotificationStore.TABLE));
        String users = names.of(DynamoUserStore.TABLE);
        DynamoUserStore userStore = new DynamoUserStore(dynamo, users);
        DynamoVendorStore vendors = new DynamoVendorStore(dynamo, names.of(DynamoVendorStore.TABLE));
        DynamoProductStore products = new DynamoProductStore(dynamo, names.of(DynamoProductStore.TABLE));
        DynamoOrderStore orders = new DynamoOrderStore(dynamo, orderTables);
        // placing reads each part from its table: the items live in different tables and a dairy's owner is known
        // only once the dairy is read, so one call could not replace them all
        return new Stores(userStore,
                new DynamoCredentialStore(dynamo, names.of(DynamoCredentialStore.TABLE)),
                new DynamoSessionStore(dynamo, names.of(DynamoSessionStore.TABLE)),
                new DynamoSigningKeyStore(dynamo, names.of(DynamoSigningKeyStore.TABLE)),
                new DynamoNotificationStore(dynamo, orderTables.notifications()),
                vendors, products,
                new DynamoStockStore(dynamo, orderTables.inventory(), clock),
                orders, PlacingReads.apart(products, vendors, userStore, orders),
                new DynamoWorkflowStore(dynamo, orderTables.runs()),
                () -> answers(dynamo, users), dynamo::close);
    }

    /**
     * Creates every table that does not exist yet, from {@link #TABLES} (for a local DynamoDB-compatible server; on
     * AWS the SAM template creates them).
     */
    public static void createMissingTables(DynamoDbClient dynamo, DynamoTableNames names) {
        for (TableSpec table : TABLES) {
            String name = names.of(table);
            try {
                dynamo.describeTable(b -> b.tableName(name));
            } catch (ResourceNotFoundException e) {
                dynamo.createTable(table.createRequest(name));
                dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
            }
        }
    }

    private static boolean answers(DynamoDbClient dynamo, String table) {
        try {
            dynamo.describeTable(b -> b.tableName(table));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
