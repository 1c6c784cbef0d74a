package com.milkrun.store.memory;

import static org.assertj.core.api.Assertions.assertThat;
import com.milkrun.orders.Order;
import com.milkrun.orders.PlaceResult;
import com.milkrun.stores.Stores;
import com.milkrun.testing.Orders;
import com.milkrun.testing.Placements;
import com.milkrun.testing.Users;
import org.junit.jupiter.api.Test;

class InMemoryStoresTest {
    @Test
    void gives_fresh_empty_stores_each_time() {
        Stores first = InMemoryStores.create();
        first.users().create(Users.asha());

        Stores second = InMemoryStores.create();

        assertThat(second.users().get("user-asha")).isEmpty();
        assertThat(first.users().get("user-asha")).isPresent();
        assertThat(second.stock()).isNotSameAs(first.stock());
    }

    @Test
    void the_order_store_reserves_the_stock_of_the_same_stores() {
        Stores stores = InMemoryStores.create();
        Order order = Orders.ashasFirstOrder();
        order.lines().forEach(line -> stores.stock().setStock(line.stockKey(), 5));

        assertThat(stores.orders().place(Placements.first(order, "key-asha-1"))).isInstanceOf(PlaceResult.Placed.class);

        assertThat(stores.stock().get(Orders.anandMilk(1).stockKey()).orElseThrow().reserved()).isEqualTo(2);
    }

    @Test
    void the_order_store_starts_runs_in_the_workflow_store_of_the_same_stores() {
        Stores stores = InMemoryStores.create();
        Order order = Orders.ashasFirstOrder();
        order.lines().forEach(line -> stores.stock().setStock(line.stockKey(), 5));

        stores.orders().place(Placements.firstWithRun(order, "key-asha-1"));

        assertThat(stores.workflows().get(Placements.runId(order))).isPresent();
    }
}
