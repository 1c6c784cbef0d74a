package com.milkrun.store.sql.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.contract.OrderStoreContract;
import com.milkrun.inventory.StockLevel;
import com.milkrun.inventory.StockStore;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.orders.CustomerStats;
import com.milkrun.orders.Order;
import com.milkrun.orders.OrderLine;
import com.milkrun.orders.OrderQuery;
import com.milkrun.orders.OrderStore;
import com.milkrun.orders.PlaceResult;
import com.milkrun.shared.PageRequest;
import com.milkrun.store.sql.SqlDatabase;
import com.milkrun.store.sql.SqlStoreException;
import com.milkrun.store.sql.SqlStores;
import com.milkrun.store.sql.testing.TestDatabase;
import com.milkrun.testing.Orders;
import com.milkrun.testing.Placements;
import com.milkrun.testing.Race;
import com.milkrun.testing.Times;
import com.milkrun.workflow.WorkflowStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order store contract on a SQL database, and what only SQL can be asked: that a statement failing in the middle
 * of a placement rolls back everything before it, and that two processes sharing the database never oversell.
 */
abstract class SqlOrderStoreContract extends OrderStoreContract {
    /** The test class's database, started and emptied by its extension. */
    protected abstract TestDatabase database();

    /** A second pool on the same database, as another server process would open it. */
    protected abstract SqlDatabase openSecondProcess();

    @Override
    protected OrderStore store() {
        return database().stores().orders();
    }

    @Override
    protected StockStore stock() {
        return database().stores().stock();
    }

    @Override
    protected WorkflowStore workflows() {
        return database().stores().workflows();
    }

    @Override
    protected NotificationStore notifications() {
        return database().stores().notifications();
    }

    @Test
    void a_failure_at_the_last_insert_of_a_placement_rolls_back_the_key_the_stats_and_the_reservation() {
        stock().setStock(Orders.anandMilk(1).stockKey(), 10);
        OrderLine tooLong = new OrderLine("prod-organic-milk-500ml", "vendor-anand", "Anand Dairy", "Milk ".repeat(41),
                "500 ml", 2, new BigDecimal("50.00"), new BigDecimal("100.00"));
        Order order = Orders.of("order-asha", "user-asha", List.of(tooLong), Times.MORNING_RUN);

        assertThatThrownBy(() -> store().place(Placements.first(order, "key-asha")))
                .isInstanceOf(SqlStoreException.class);

        assertThat(stock().get(tooLong.stockKey())).contains(new StockLevel("vendor-anand", "prod-organic-milk-500ml", 10, 0));
        assertThat(store().get("order-asha")).isEmpty();
        assertThat(store().findIdempotencyKey("user-asha", "key-asha")).isEmpty();
        assertThat(store().stats("user-asha")).isEqualTo(CustomerStats.none("user-asha"));
        assertThat(database().database().jdbc().query("SELECT order_id FROM orders", row -> row.getString(1))).isEmpty();
    }

    @Test
    void two_processes_placing_orders_on_one_database_never_oversell() {
        stock().setStock(Orders.anandMilk(1).stockKey(), 25);
        try (SqlDatabase second = openSecondProcess()) {
            List<OrderStore> processes = List.of(store(), SqlStores.of(second, Clock.systemUTC()).orders());

            List<Race.Outcome<PlaceResult>> outcomes = Race.run(60, racer -> processes.get(racer % 2).place(
                    Placements.first(Orders.of(String.format("order-racer-%02d", racer), "user-racer-" + racer,
                            List.of(Orders.anandMilk(1)), Times.MORNING_RUN), "key-racer-" + racer)));

            assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
            assertThat(outcomes).filteredOn(o -> o.value() instanceof PlaceResult.Placed).hasSize(25);
        }
        assertThat(stock().get(Orders.anandMilk(1).stockKey()))
                .contains(new StockLevel("vendor-anand", "prod-organic-milk-500ml", 25, 25));
        assertThat(store().list(OrderQuery.all(), PageRequest.first(100)).items()).hasSize(25);
    }
}
