package com.milkrun.store.dynamo.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.contract.OrderStoreContract;
import com.milkrun.inventory.StockStore;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.orders.CustomerStats;
import com.milkrun.orders.Order;
import com.milkrun.orders.OrderLine;
import com.milkrun.orders.OrderStore;
import com.milkrun.shared.DomainException;
import com.milkrun.store.dynamo.inventory.DynamoStockStore;
import com.milkrun.store.dynamo.notifications.DynamoNotificationStore;
import com.milkrun.store.dynamo.testing.DynamoTables;
import com.milkrun.store.dynamo.workflow.DynamoWorkflowStore;
import com.milkrun.testing.Orders;
import com.milkrun.testing.Placements;
import com.milkrun.testing.Times;
import com.milkrun.workflow.WorkflowStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order store contract on DynamoDB, and DynamoDB's own limit: 100 actions in one transaction. */
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

    @Test
    void refuses_an_order_too_large_for_one_transaction_and_writes_nothing() {
        List<OrderLine> lines = IntStream.rangeClosed(1, 50).mapToObj(i -> new OrderLine("prod-" + i, "vendor-" + i,
                "Dairy " + i, "Milk " + i, "500 ml", 1, new BigDecimal("50.00"), new BigDecimal("50.00"))).toList();
        Order order = Orders.of("order-huge", "user-asha", lines, Times.MORNING_RUN);

        assertThatThrownBy(() -> store.place(Placements.first(order, "key-huge")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("OrderTooLarge"));

        assertThat(store.get("order-huge")).isEmpty();
        assertThat(store.findIdempotencyKey("user-asha", "key-huge")).isEmpty();
        assertThat(store.stats("user-asha")).isEqualTo(CustomerStats.none("user-asha"));
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
