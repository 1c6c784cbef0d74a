package com.milkrun.usecases.orders;

import static com.milkrun.usecases.orders.Dairy.ASHA;
import static com.milkrun.usecases.orders.Dairy.MILK;
import static com.milkrun.usecases.orders.Dairy.TOMORROW;
import static com.milkrun.usecases.orders.Dairy.milkAndPaneer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.accounts.RequestScopedUsers;
import com.milkrun.orders.Order;
import com.milkrun.orders.OrderRequest;
import com.milkrun.orders.PlaceOrder;
import com.milkrun.orders.PlacingReads;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.RequestScope;
import com.milkrun.testing.CountingUsers;
import com.milkrun.testing.Users;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading ahead: a request to quote or place an order reads the customer's account, the catalog and the stats once,
 * while its token is checked, and the token check and the use case both take what they need from that one read.
 */
class ReadAheadTest {
    private final Dairy dairy = new Dairy();
    private final List<String> reads = new ArrayList<>();
    private final PlacingReads counted = (customerId, productIds, vendorIds) -> {
        reads.add(customerId + " " + productIds + " " + vendorIds);
        return dairy.stores.placingReads().read(customerId, productIds, vendorIds);
    };
    private final PlaceOrder placing = dairy.placingWith(counted);
    private final CountingUsers userReads = new CountingUsers();
    /** The user store as the composition root wraps it: what the token check reads the caller from. */
    private final RequestScopedUsers users = new RequestScopedUsers(userReads);

    ReadAheadTest() {
        userReads.put(Users.asha());
    }

    @Test
    void a_request_that_read_ahead_checks_its_caller_and_places_without_reading_again() {
        Order order;
        try (RequestScope request = RequestScope.open()) {
            placing.readAhead(ASHA.userId(), milkAndPaneer(2, 1, TOMORROW));
            assertThat(users.get(ASHA.userId()).orElseThrow().name()).isEqualTo("Asha Patel");

            order = placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1").order();
        }

        assertThat(reads).containsExactly("user-asha [prod-organic-milk-500ml, prod-malai-paneer-200g] [vendor-anand]");
        assertThat(userReads.reads()).isZero();
        assertThat(order.pricing().totalAmount()).isEqualByComparingTo("220.98");
        assertThat(dairy.reserved(MILK)).isEqualTo(2);
    }

    @Test
    void quoting_uses_what_was_read_ahead_too() {
        try (RequestScope request = RequestScope.open()) {
            placing.readAhead(ASHA.userId(), milkAndPaneer(2, 1, TOMORROW));

            assertThat(placing.quote(ASHA, milkAndPaneer(2, 1, TOMORROW)).pricing().totalAmount())
                    .isEqualByComparingTo("220.98");
        }
        assertThat(reads).hasSize(1);
    }

    @Test
    void what_was_read_ahead_for_other_lines_or_another_customer_is_not_used() {
        try (RequestScope request = RequestScope.open()) {
            placing.readAhead(ASHA.userId(), OrderRequest.of(List.of(
                    OrderRequest.Item.of("prod-organic-milk-500ml", "vendor-anand", 3)), TOMORROW.toString(), "addr-asha-home"));
            placing.readAhead("user-kiran", milkAndPaneer(2, 1, TOMORROW));

            Order order = placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1").order();

            assertThat(order.lines()).hasSize(2);
        }
        assertThat(reads).hasSize(3).last().asString().startsWith("user-asha [prod-organic-milk-500ml, prod-malai-paneer-200g]");
    }

    @Test
    void what_was_read_ahead_is_used_once() {
        try (RequestScope request = RequestScope.open()) {
            placing.readAhead(ASHA.userId(), milkAndPaneer(2, 1, TOMORROW));
            Order first = placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1").order();
            Order second = placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-2").order();

            // the second order is priced from the stats as they are after the first: no first-order discount
            assertThat(first.pricing().firstOrderDiscount()).isPositive();
            assertThat(second.pricing().firstOrderDiscount()).isZero();
        }
        assertThat(reads).hasSize(2);
    }

    @Test
    void a_request_that_validation_refuses_reads_nothing_ahead_and_is_refused_as_before() {
        OrderRequest noItems = OrderRequest.of(List.of(), TOMORROW.toString(), "addr-asha-home");
        try (RequestScope request = RequestScope.open()) {
            placing.readAhead(ASHA.userId(), noItems);

            assertThatThrownBy(() -> placing.place(ASHA, noItems, "key-1"))
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("ValidationError"));
        }
        assertThat(reads).isEmpty();
    }

    @Test
    void outside_a_request_nothing_is_read_ahead() {
        placing.readAhead(ASHA.userId(), milkAndPaneer(2, 1, TOMORROW));

        assertThat(reads).isEmpty();
    }
}
