package com.milkrun.store.dynamo.orders;

import com.milkrun.contract.OrderStoreContract;
import com.milkrun.inventory.StockStore;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.orders.OrderStore;
import com.milkrun.store.dynamo.inventory.DynamoStockStore;
import com.milkrun.store.dynamo.notifications.DynamoNotificationStore;
import com.milkrun.store.dynamo.testing.DynamoTables;
import com.milkrun.store.dynamo.workflow.DynamoWorkflowStore;
import com.milkrun.workflow.WorkflowStore;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;

class DynamoOrderStoreTest extends OrderStoreContract {
    private OrderStore store;
    private StockStore stock;
    private WorkflowStore workflows;
    private NotificationStore notifications;

    @BeforeEach
    void freshStores() {
        OrderTables tables = new OrderTables(DynamoTables.fresh(DynamoOrderStore.TABLE),
                DynamoTables.fresh(DynamoStockStore.TABLE), DynamoTables.fresh(DynamoWorkflowStore.TABLE),
                DynamoTables.fresh(DynamoNotificationStore.TABLE));
        store = new DynamoOrderStore(DynamoTables.client(), tables);
        stock = new DynamoStockStore(DynamoTables.client(), tables.inventory(), Clock.systemUTC());
        workflows = new DynamoWorkflowStore(DynamoTables.client(), tables.runs());
        notifications = new DynamoNotificationStore(DynamoTables.client(), tables.notifications());
    }

    @Override
    protected OrderStore store() {
        return store;
    }

    @Override
    protected StockStore stock() {
        return stock;
    }

    @Override
    protected WorkflowStore workflows() {
        return workflows;
    }

    @Override
    protected NotificationStore notifications() {
        return notifications;
    }
}
