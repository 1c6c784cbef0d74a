package com.milkrun.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.shared.DomainException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every (from, to) pair of statuses against the lifecycle in the glossary (docs/glossary.md): whether the move is allowed
 * and what it does to the order's reserved stock.
 */
class OrderStatusTest {
    private static final Map<OrderStatus, Set<OrderStatus>> ALLOWED = Map.of(
            OrderStatus.PAYMENT_PENDING, Set.of(OrderStatus.PENDING, OrderStatus.CANCELLED, OrderStatus.FAILED),
            OrderStatus.PENDING, Set.of(OrderStatus.CONFIRMED, OrderStatus.CANCELLED, OrderStatus.FAILED),
            OrderStatus.CONFIRMED, Set.of(OrderStatus.PROCESSING, OrderStatus.CANCELLED, OrderStatus.FAILED),
            OrderStatus.PROCESSING, Set.of(OrderStatus.OUT_FOR_DELIVERY, OrderStatus.CANCELLED, OrderStatus.FAILED),
            OrderStatus.OUT_FOR_DELIVERY, Set.of(OrderStatus.DELIVERED, OrderStatus.FAILED),
            OrderStatus.DELIVERED, Set.of(),
            OrderStatus.CANCELLED, Set.of(),
            OrderStatus.FAILED, Set.of());
    /** Ending without delivery gives the stock back; delivery takes it off the shelf; every other move keeps it held. */
    private static final Map<OrderStatus, StockEffect> EFFECT_OF_BECOMING = Map.of(
            OrderStatus.PAYMENT_PENDING, StockEffect.NONE,
            OrderStatus.PENDING, StockEffect.NONE,
            OrderStatus.CONFIRMED, StockEffect.NONE,
            OrderStatus.PROCESSING, StockEffect.NONE,
            OrderStatus.OUT_FOR_DELIVERY, StockEffect.NONE,
            OrderStatus.DELIVERED, StockEffect.COMMIT,
            OrderStatus.CANCELLED, StockEffect.RELEASE,
            OrderStatus.FAILED, StockEffect.RELEASE);

    static Stream<Arguments> pairs() {
        return Stream.of(OrderStatus.values()).flatMap(from -> Stream.of(OrderStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void allows_exactly_the_moves_in_the_table(OrderStatus from, OrderStatus to) {
        boolean allowed = ALLOWED.get(from).contains(to);
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        Order order = Orders.placed().withStatus(from);
        if (allowed) {
            assertThat(order.moveTo(to, Orders.NOW).status()).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> order.moveTo(to, Orders.NOW)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.error()).isEqualTo("InvalidStatusTransition"));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("pairs")
    void each_allowed_move_releases_commits_or_keeps_the_stock_as_the_table_says(OrderStatus from, OrderStatus to) {
        Order order = Orders.placed().withStatus(from);
        if (ALLOWED.get(from).contains(to)) {
            StatusChange change = order.change(to, Orders.NOW);
            assertThat(change.order().status()).isEqualTo(to);
            assertThat(change.stockEffect()).isEqualTo(EFFECT_OF_BECOMING.get(to));
            assertThat(from.stockEffectOfMovingTo(to)).isEqualTo(EFFECT_OF_BECOMING.get(to));
        } else {
            assertThatThrownBy(() -> order.change(to, Orders.NOW)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.error()).isEqualTo("InvalidStatusTransition"));
            assertThatThrownBy(() -> from.stockEffectOfMovingTo(to)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
