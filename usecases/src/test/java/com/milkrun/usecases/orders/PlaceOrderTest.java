package com.milkrun.usecases.orders;

import static com.milkrun.usecases.orders.Dairy.ASHA;
import static com.milkrun.usecases.orders.Dairy.MILK;
import static com.milkrun.usecases.orders.Dairy.PANEER;
import static com.milkrun.usecases.orders.Dairy.TOMORROW;
import static com.milkrun.usecases.orders.Dairy.milkAndPaneer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.orders.Order;
import com.milkrun.orders.OrderLimits;
import com.milkrun.orders.OrderProblem;
import com.milkrun.orders.OrderRequest;
import com.milkrun.orders.OrderStatus;
import com.milkrun.orders.PlacedOrder;
import com.milkrun.orders.Quote;
import com.milkrun.orders.Shortage;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quoting and placing an order: pricing, the reservation, the idempotency key, shortages and the limits. */
class PlaceOrderTest {
    private final Dairy dairy = new Dairy();

    @Test
    void places_ashas_first_order_holding_its_stock_with_the_first_order_discount_and_starting_its_workflow() {
        PlacedOrder placed = dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1");

        Order order = placed.order();
        assertThat(placed.replayed()).isFalse();
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.deliveryDate()).isEqualTo(TOMORROW);
        assertThat(order.pricing().firstOrderDiscount()).isEqualByComparingTo("19.05");
        assertThat(order.pricing().totalAmount()).isEqualByComparingTo("220.98");
        assertThat(dairy.reserved(MILK)).isEqualTo(2);
        assertThat(dairy.reserved(PANEER)).isEqualTo(1);
        assertThat(dairy.queries.stats(ASHA).orderCount()).isEqualTo(1);
        assertThat(dairy.processing.started).containsExactly("run-" + order.orderId());
        assertThat(dairy.stores.orders().timeline(order.orderId())).extracting(e -> e.what() + " by " + e.by())
                .containsExactly("Placed by Asha Patel");
    }

    @Test
    void quotes_exactly_what_placing_would_cost_and_holds_nothing() {
        Quote quote = dairy.placing.quote(ASHA, milkAndPaneer(2, 1, TOMORROW));

        assertThat(quote.pricing().totalAmount()).isEqualByComparingTo("220.98");
        assertThat(quote.estimatedDelivery().toString()).isEqualTo("2025-01-16T08:00+05:30");
        assertThat(dairy.reserved(MILK)).isZero();
        assertThat(dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1").order().pricing())
                .isEqualTo(quote.pricing());
    }

    @Test
    void a_retry_with_the_same_key_answers_the_same_order_and_holds_nothing_more() {
        Order first = dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1").order();

        PlacedOrder again = dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1");

        assertThat(again.replayed()).isTrue();
        assertThat(again.order().orderId()).isEqualTo(first.orderId());
        assertThat(dairy.reserved(MILK)).isEqualTo(2);
        assertThat(dairy.queries.stats(ASHA).orderCount()).isEqualTo(1);
    }

    @Test
    void a_retry_answers_the_order_placed_even_when_the_dairy_can_no_longer_take_orders() {
        Order first = dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1").order();
        dairy.disableAnand();

        PlacedOrder again = dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1");

        assertThat(again.replayed()).isTrue();
        assertThat(again.order().orderId()).isEqualTo(first.orderId());
        assertThatThrownBy(() -> dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-2"))
                .isInstanceOf(DomainException.class);
        assertThat(dairy.reserved(MILK)).isEqualTo(2);
    }

    @Test
    void the_same_key_for_a_different_order_is_refused() {
        dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1");

        assertThatThrownBy(() -> dairy.placing.place(ASHA, milkAndPaneer(3, 1, TOMORROW), "key-1"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.error()).isEqualTo("IdempotencyKeyReused");
                    assertThat(e.failure()).isEqualTo(Failure.UNPROCESSABLE);
                });
        assertThat(dairy.reserved(MILK)).isEqualTo(2);
    }

    @Test
    void refuses_the_whole_order_when_paneer_is_short_naming_every_short_line_and_holding_nothing() {
        dairy.stores.stock().setStock(PANEER, 3);

        assertThatThrownBy(() -> dairy.placing.place(ASHA, milkAndPaneer(2, 5, TOMORROW), "key-1"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.error()).isEqualTo("InsufficientStock");
                    assertThat(e.getMessage()).isEqualTo("Product 'Malai Paneer 200g' has only 3 units available");
                    assertThat(e.problem()).contains(new OrderProblem.InsufficientStock(List.of(
                            new Shortage("prod-malai-paneer-200g", "vendor-anand", "Malai Paneer 200g", 3, 5))));
                });
        assertThat(dairy.reserved(MILK)).isZero();
        assertThat(dairy.queries.stats(ASHA).orderCount()).isZero();
    }

    @Test
    void refuses_an_order_below_the_minimum_value_with_its_total() {
        OrderRequest oneBottle = OrderRequest.of(List.of(OrderRequest.Item.of("prod-organic-milk-500ml", "vendor-anand", 1)),
                TOMORROW.toString(), "addr-asha-home");

        assertThatThrownBy(() -> dairy.placing.place(ASHA, oneBottle, "key-1")).isInstanceOfSatisfying(DomainException.class,
                e -> {
                    assertThat(e.error()).isEqualTo("MinimumOrderValue");
                    assertThat(e.problem()).hasValueSatisfying(p -> {
                        OrderProblem.MinimumOrderValue below = (OrderProblem.MinimumOrderValue) p;
                        assertThat(below.currentTotal()).isEqualByComparingTo("50");
                        assertThat(below.minimumRequired()).isEqualByComparingTo("100");
                    });
                });
    }

    @Test
    void a_fourth_open_cash_order_for_tomorrow_is_refused_until_one_is_cancelled() {
        Order first = dairy.placing.place(ASHA, milkAndPaneer(1, 1, TOMORROW), "key-1").order();
        dairy.placing.place(ASHA, milkAndPaneer(1, 1, TOMORROW), "key-2");
        dairy.placing.place(ASHA, milkAndPaneer(1, 1, TOMORROW), "key-3");

        assertThatThrownBy(() -> dairy.placing.place(ASHA, milkAndPaneer(1, 1, TOMORROW), "key-4"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.error()).isEqualTo("OrderLimitReached");
                    assertThat(e.failure()).isEqualTo(Failure.CONFLICT);
                    assertThat(e.problem()).contains(new OrderProblem.OrderLimitReached(3));
                });
        assertThat(dairy.reserved(MILK)).isEqualTo(3);
        assertThat(dairy.placing.place(ASHA, milkAndPaneer(1, 1, TOMORROW.plusDays(1)), "key-5").order()).isNotNull();

        dairy.cancelling.cancel(ASHA, first.orderId());
        assertThat(dairy.placing.place(ASHA, milkAndPaneer(1, 1, TOMORROW), "key-4").order().status())
                .isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void more_milk_than_one_customer_may_hold_for_a_date_is_refused_with_what_she_already_ordered() {
        dairy.placing.place(ASHA, milkAndPaneer(15, 1, TOMORROW), "key-1");

        assertThatThrownBy(() -> dairy.placing.place(ASHA, milkAndPaneer(6, 1, TOMORROW), "key-2"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.error()).isEqualTo("ProductLimitReached");
                    assertThat(e.getMessage()).isEqualTo("At most 20 units of 'Organic Milk 500ml' per delivery date;"
                            + " your orders for that date already hold 15");
                    assertThat(e.problem()).contains(new OrderProblem.ProductLimitReached("prod-organic-milk-500ml",
                            "vendor-anand", 20, 15));
                });
        assertThat(dairy.reserved(MILK)).isEqualTo(15);
        assertThat(dairy.placing.place(ASHA, milkAndPaneer(5, 1, TOMORROW), "key-3").order()).isNotNull();
    }

    @Test
    void the_limits_are_whatever_the_shop_configures() {
        Dairy generous = new Dairy(new OrderLimits(5, 40));
        for (int n = 0; n < 5; n++) {
            generous.placing.place(ASHA, milkAndPaneer(8, 1, TOMORROW), "key-" + n);
        }

        assertThat(generous.reserved(MILK)).isEqualTo(40);
        assertThatThrownBy(() -> generous.placing.place(ASHA, milkAndPaneer(1, 1, TOMORROW), "key-6"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.problem())
                        .contains(new OrderProblem.OrderLimitReached(5)));
    }
}
