package com.milkrun.store.memory;

import com.milkrun.contract.OrderStoreContract;
import com.milkrun.inventory.StockStore;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.orders.OrderStore;
import com.milkrun.workflow.WorkflowStore;
import org.junit.jupiter.api.BeforeEach;

class InMemoryOrderStoreTest extends OrderStoreContract {
    private InMemoryStockStore stock;
    private InMemoryWorkflowStore workflows;
    private InMemoryNotificationStore notifications;
    private InMemoryOrderStore store;

    @BeforeEach
    void freshStores() {
        stock = new InMemoryStockStore();
        workflows = new InMemoryWorkflowStore();
        notifications = new InMemoryNotificationStore();
        store = new InMemoryOrderStore(stock, workflows, notifications);
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
