package com.milkrun.usecases.orders;

import static com.milkrun.usecases.orders.Dairy.ASHA;
import static com.milkrun.usecases.orders.Dairy.KIRAN;
import static com.milkrun.usecases.orders.Dairy.MILK;
import static com.milkrun.usecases.orders.Dairy.PANEER;
import static com.milkrun.usecases.orders.Dairy.TOMORROW;
import static com.milkrun.usecases.orders.Dairy.milkAndPaneer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.orders.Order;
import com.milkrun.orders.OrderStatus;
import com.milkrun.shared.DomainException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Cancelling an order: until the cut-off of the day before delivery, by its customer, giving the stock back. */
class CancelOrderTest {
    /** 21:59 IST on 15 January: a minute before the cut-off for orders delivered on the 16th. */
    private static final Instant A_MINUTE_BEFORE_THE_CUT_OFF = Instant.parse("2025-01-15T16:29:00Z");
    /** 22:00 IST on 15 January: the dairy starts preparing the 16th's deliveries. */
    private static final Instant THE_CUT_OFF = Instant.parse("2025-01-15T16:30:00Z");

    private final Dairy dairy = new Dairy();

    @Test
    void asha_cancels_before_the_cut_off_and_the_milk_goes_back_on_the_shelf() {
        Order order = dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1").order();
        dairy.clock.set(A_MINUTE_BEFORE_THE_CUT_OFF);

        Order cancelled = dairy.cancelling.cancel(ASHA, order.orderId());

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(dairy.reserved(MILK)).isZero();
        assertThat(dairy.reserved(PANEER)).isZero();
        assertThat(dairy.processing.stopped).containsExactly(order.orderId() + ": OrderCancelled");
        assertThat(dairy.stores.orders().timeline(order.orderId())).extracting(e -> e.what() + " by " + e.byKind())
                .containsExactly("Placed by customer", "Cancelled by customer");
        assertThat(dairy.messagesTo("user-asha")).containsExactly("Order cancelled: " + order.orderId());
        assertThat(dairy.messagesTo("user-ravi")).containsExactly("Order cancelled: " + order.orderId());
        assertThat(dairy.queries.canCancel(cancelled)).isFalse();
    }

    @Test
    void at_the_cut_off_the_order_can_no_longer_be_cancelled_and_keeps_its_stock() {
        Order order = dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1").order();
        assertThat(dairy.queries.canCancel(order)).isTrue();
        dairy.clock.set(THE_CUT_OFF);

        assertThatThrownBy(() -> dairy.cancelling.cancel(ASHA, order.orderId())).isInstanceOfSatisfying(DomainException.class,
                e -> {
                    assertThat(e.error()).isEqualTo("CannotCancel");
                    assertThat(e.getMessage()).isEqualTo("Orders for 2025-01-16 could be cancelled until 22:00 the day before");
                });
        assertThat(dairy.queries.canCancel(order)).isFalse();
        assertThat(dairy.reserved(MILK)).isEqualTo(2);
        assertThat(dairy.processing.stopped).isEmpty();
    }

    @Test
    void someone_elses_order_cannot_be_cancelled_and_looks_missing() {
        Order order = dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1").order();

        assertThatThrownBy(() -> dairy.cancelling.cancel(KIRAN, order.orderId())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.getMessage()).isEqualTo("Order not found"));
        assertThat(dairy.reserved(MILK)).isEqualTo(2);
    }

    @Test
    void a_cancelled_order_cannot_be_cancelled_again() {
        Order order = dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1").order();
        dairy.cancelling.cancel(ASHA, order.orderId());

        assertThatThrownBy(() -> dairy.cancelling.cancel(ASHA, order.orderId())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.getMessage()).isEqualTo("An order that is Cancelled can no longer be cancelled"));
        assertThat(dairy.reserved(MILK)).isZero();
    }
}
