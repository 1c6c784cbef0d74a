package com.milkrun.usecases.orders;

import static com.milkrun.usecases.orders.Dairy.ASHA;
import static com.milkrun.usecases.orders.Dairy.MILK;
import static com.milkrun.usecases.orders.Dairy.TOMORROW;
import static com.milkrun.usecases.orders.Dairy.milkAndPaneer;
import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.orders.Order;
import com.milkrun.orders.OrderEvent;
import com.milkrun.orders.OrderStatus;
import org.junit.jupiter.api.Test;

/** The one way an order fails: the stock goes back in the same write, once, and the timeline says who and why. */
class FailOrderTest {
    private final Dairy dairy = new Dairy();
    private final Order order = dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1").order();

    @Test
    void failing_gives_the_stock_back_and_records_who_failed_the_order_and_why() {
        Order failed = dairy.failing.fail(order.orderId(), "Failed", "workflow", "HandleOrderFailure", "No delivery slot")
                .orElseThrow();

        assertThat(failed.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(dairy.reserved(MILK)).isZero();
        OrderEvent last = dairy.stores.orders().timeline(order.orderId()).getLast();
        assertThat(last).extracting(OrderEvent::what, OrderEvent::byKind, OrderEvent::by, OrderEvent::note)
                .containsExactly("Failed", "workflow", "HandleOrderFailure", "No delivery slot");
    }

    @Test
    void failing_twice_changes_nothing_the_second_time() {
        dairy.failing.fail(order.orderId(), "Failed", "workflow", "HandleOrderFailure", "No delivery slot");

        Order again = dairy.failing.fail(order.orderId(), "Failed", "workflow", "ReleaseInventory", "No delivery slot")
                .orElseThrow();

        assertThat(again.status()).isEqualTo(OrderStatus.FAILED);
        assertThat(dairy.reserved(MILK)).isZero();
        assertThat(dairy.stores.orders().timeline(order.orderId())).extracting(OrderEvent::what).containsExactly("Placed", "Failed");
    }

    @Test
    void a_cancelled_order_stays_cancelled_and_the_stock_is_not_given_back_twice() {
        dairy.cancelling.cancel(ASHA, order.orderId());

        Order result = dairy.failing.fail(order.orderId(), "Failed", "workflow", "HandleOrderFailure", "late").orElseThrow();

        assertThat(result.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(dairy.reserved(MILK)).isZero();
    }

    @Test
    void an_unknown_order_is_not_failed() {
        assertThat(dairy.failing.fail("order-nobody", "Failed", "workflow", "HandleOrderFailure", "")).isEmpty();
    }
}
