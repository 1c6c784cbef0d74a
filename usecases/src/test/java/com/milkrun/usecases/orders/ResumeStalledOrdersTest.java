package com.milkrun.usecases.orders;

import static com.milkrun.usecases.orders.Dairy.ASHA;
import static com.milkrun.usecases.orders.Dairy.MILK;
import static com.milkrun.usecases.orders.Dairy.PANEER;
import static com.milkrun.usecases.orders.Dairy.TOMORROW;
import static com.milkrun.usecases.orders.Dairy.milkAndPaneer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.orders.Order;
import com.milkrun.orders.OrderEvent;
import com.milkrun.orders.OrderLimits;
import com.milkrun.orders.OrderStatus;
import com.milkrun.orders.ResumeStalledOrders;
import com.milkrun.orders.StockEffect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sweep of stalled orders: an order still {@code Pending} two minutes after it was placed has its processing
 * resumed (on AWS, its Step Functions execution started again); newer orders and orders that moved on are left alone.
 */
class ResumeStalledOrdersTest {
    private final Dairy dairy = new Dairy(OrderLimits.NONE);
    private final ResumeStalledOrders sweep = new ResumeStalledOrders(dairy.stores.orders(), dairy.processing, dairy.clock);

    @Test
    void an_order_pending_for_two_minutes_is_resumed_and_a_newer_one_is_not() {
        Order older = dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1").order();
        dairy.clock.advance(Duration.ofSeconds(30));
        Order newer = dairy.placing.place(ASHA, milkAndPaneer(1, 1, TOMORROW), "key-2").order();

        dairy.clock.advance(ResumeStalledOrders.GRACE.minusSeconds(30));
        assertThat(sweep.resume()).isEqualTo(1);
        assertThat(dairy.processing.resumed).containsExactly(older.orderId());

        dairy.clock.advance(Duration.ofSeconds(30));
        assertThat(sweep.resume()).isEqualTo(2);
        assertThat(dairy.processing.resumed).containsExactly(older.orderId(), newer.orderId(), older.orderId());
    }

    @Test
    void orders_that_moved_on_are_left_alone() {
        Order confirmed = dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1").order();
        Order cancelled = dairy.placing.place(ASHA, milkAndPaneer(1, 1, TOMORROW), "key-2").order();
        dairy.stores.orders().update(confirmed.moveTo(OrderStatus.CONFIRMED, dairy.clock.instant()), StockEffect.NONE,
                OrderEvent.of(confirmed.orderId(), "Confirmed", OrderStatus.CONFIRMED, "system", "workflow", "",
                        dairy.clock.instant()));
        dairy.cancelling.cancel(ASHA, cancelled.orderId());
        dairy.clock.advance(Duration.ofMinutes(10));

        assertThat(sweep.resume()).isZero();
        assertThat(dairy.processing.resumed).isEmpty();
    }

    @Test
    void one_order_that_cannot_be_resumed_does_not_hold_up_the_others_and_the_sweep_says_so() {
        Order first = dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1").order();
        Order second = dairy.placing.place(ASHA, milkAndPaneer(1, 1, TOMORROW), "key-2").order();
        Order third = dairy.placing.place(ASHA, milkAndPaneer(3, 1, TOMORROW), "key-3").order();
        dairy.processing.unreachable.add(second.orderId());
        dairy.clock.advance(ResumeStalledOrders.GRACE);

        assertThatThrownBy(sweep::resume).isInstanceOf(IllegalStateException.class)
                .hasMessage("1 stalled order(s) could not be resumed (2 were), first " + second.orderId())
                .hasRootCauseMessage("the workflow service did not answer for " + second.orderId());

        assertThat(dairy.processing.resumed).containsExactlyInAnyOrder(first.orderId(), third.orderId());
    }

    @Test
    void every_stalled_order_is_found_however_many_pages_they_fill() {
        dairy.stores.stock().setStock(MILK, 1_000);
        dairy.stores.stock().setStock(PANEER, 1_000);
        List<String> placed = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            placed.add(dairy.placing.place(ASHA, milkAndPaneer(1, 1, TOMORROW), "key-" + i).order().orderId());
        }
        dairy.clock.advance(ResumeStalledOrders.GRACE);

        assertThat(sweep.resume()).isEqualTo(230);

        assertThat(dairy.processing.resumed).containsExactlyInAnyOrderElementsOf(placed);
    }

    @Test
    void retrying_the_request_of_a_pending_order_resumes_it_and_of_a_confirmed_one_does_not() {
        Order order = dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1").order();

        dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1");
        assertThat(dairy.processing.resumed).containsExactly(order.orderId());

        dairy.stores.orders().update(order.moveTo(OrderStatus.CONFIRMED, dairy.clock.instant()), StockEffect.NONE,
                OrderEvent.of(order.orderId(), "Confirmed", OrderStatus.CONFIRMED, "system", "workflow", "",
                        dairy.clock.instant()));
        dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1");
        assertThat(dairy.processing.resumed).containsExactly(order.orderId());
    }
}
