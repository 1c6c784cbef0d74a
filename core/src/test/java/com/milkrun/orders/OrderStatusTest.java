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

/** Every (from, to) pair of statuses against the table the product decisions describe. */
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
}
