package com.milkrun.app.orders;

import com.milkrun.testing.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import com.milkrun.access.Principal;
import com.milkrun.access.Role;
import com.milkrun.demo.DemoData;
import com.milkrun.inventory.StockKey;
import com.milkrun.orders.DeliveryWindow;
import com.milkrun.orders.Order;
import com.milkrun.orders.OrderRequest;
import com.milkrun.orders.OrderLimits;
import com.milkrun.orders.OrderProblem;
import com.milkrun.orders.OrderProcessing;
import com.milkrun.orders.OrderUseCases;
import com.milkrun.orders.OrderStatus;
import com.milkrun.shared.DomainException;
import com.milkrun.store.memory.InMemoryStores;
import com.milkrun.stores.Stores;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The life of an order, told with the demo data on the in-memory stores and a clock fixed at 15:30 IST on
 * 25 November 2026: Asha orders milk and yogurt for tomorrow morning; the stock is held for her; she changes her
 * mind and cancels; the stock is back. Then another order travels all the way to her door and earns points.
 */
class OrderLifecycleScenarioTest {
    private static final Instant AFTERNOON_IN_VADODARA = Instant.parse("2026-11-25T10:00:00Z");
    private static final Principal ASHA = new Principal(DemoData.CUSTOMER_ID, DemoData.CUSTOMER_EMAIL, "Asha Patel", Role.CUSTOMER);

    private Stores stores;
    private OrderUseCases orders;
    private ManualClock clock;

    @BeforeEach
    void openTheShop() {
        clock = new ManualClock(AFTERNOON_IN_VADODARA);
        stores = InMemoryStores.create();
        new DemoData(stores.users(), stores.credentials(), "demo-hash", stores.vendors(), stores.products(), stores.stock(),
                stores.orders(), clock).loadIfAbsent();
        orders = OrderUseCases.of(stores.orders(), stores.users(), stores.placingReads(), stores.vendors(), stores.stock(),
                DeliveryWindow.standard(ZoneId.of("Asia/Kolkata")), OrderLimits.NONE, OrderProcessing.NONE, Optional.empty(), clock);
    }

    @Test
    void asha_orders_for_tomorrow_cancels_and_the_milk_goes_back_on_the_shelf() {
        // Asha puts 2 bottles of organic milk and 3 yogurts in her cart for tomorrow, the 26th.
        Order order = orders.placing().place(ASHA, request("2026-11-26", 2, 3), "key-1").order();
        // It is priced like the seed's example, and not as a first order: Asha has ordered twice before.
        assertThat(order.pricing().totalAmount()).isEqualByComparingTo("239.5");
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        // The dairy now holds 2 bottles and 3 yogurts for her.
        assertThat(reserved("prod-milk-500ml")).isEqualTo(2);
        assertThat(reserved("prod-yogurt-200g")).isEqualTo(3);
        // At 21:59 she cancels: still before the 22:00 cut-off of the day before delivery.
        clock.set(Instant.parse("2026-11-25T16:29:00Z"));
        Order cancelled = orders.cancelling().cancel(ASHA, order.orderId());
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        // Everything she held is available again.
        assertThat(reserved("prod-milk-500ml")).isZero();
        assertThat(reserved("prod-yogurt-200g")).isZero();
    }

    @Test
    void after_the_cut_off_the_order_can_no_longer_be_cancelled() {
        Order order = orders.placing().place(ASHA, request("2026-11-26", 1, 4), "key-2").order();
        // 22:00 IST: the dairy starts preparing tomorrow's deliveries.
        clock.set(Instant.parse("2026-11-25T16:30:00Z"));
        assertThatThrownBy(() -> orders.cancelling().cancel(ASHA, order.orderId())).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.error()).isEqualTo("CannotCancel"));
        assertThat(reserved("prod-milk-500ml")).isEqualTo(1);
    }

    @Test
    void a_delivered_order_takes_the_stock_off_the_shelf_and_earns_points() {
        int pointsBefore = orders.queries().stats(ASHA).loyaltyPoints();
        Order order = orders.placing().place(ASHA, request("2026-11-27", 4, 2), "key-3").order();
        // The workflow confirms it, the dairy packs it, the delivery agent takes it out and hands it over.
        Order stored = order;
        for (OrderStatus next : List.of(OrderStatus.CONFIRMED, OrderStatus.PROCESSING, OrderStatus.OUT_FOR_DELIVERY)) {
            stored = stores.orders().update(stored.change(next, clock.instant()));
        }
        stores.orders().update(stored.change(OrderStatus.DELIVERED, clock.instant()));
        // The 4 bottles left the shelf for good: stock went from 50 to 46 and nothing is held any more.
        var milk = stores.stock().get(new StockKey("vendor-001", "prod-milk-500ml")).orElseThrow();
        assertThat(milk.stock()).isEqualTo(46);
        assertThat(milk.reserved()).isZero();
        // ₹200 + ₹60, tax ₹13, delivery ₹40: ₹313 paid earns 3 points.
        assertThat(order.pricing().totalAmount()).isEqualByComparingTo("313");
        assertThat(orders.queries().stats(ASHA).loyaltyPoints()).isEqualTo(pointsBefore + 3);
    }

    @Nested
    class UserValidation {
        @Test
        void should_accept_valid_user_with_complete_profile() {
            assertThat(orders.placing().quote(ASHA, request("2026-11-26", 1, 3)).pricing().subtotal()).isEqualByComparingTo("140");
        }

        @Test
        void should_reject_non_existent_user() {
            Principal ghost = new Principal("user-ghost", "ghost@example.com", "Ghost", Role.CUSTOMER);
            assertThatThrownBy(() -> orders.placing().place(ghost, request("2026-11-26", 1, 3), "k")).isInstanceOfSatisfying(
                    DomainException.class, e -> assertThat(e.error()).isEqualTo("UserNotFound"));
        }

        @Test
        void should_reject_user_with_incomplete_profile() {
            Principal manager = new Principal("user-demo-meera", "manager@milkrun.dev", "Meera Iyer", Role.MANAGER);
            assertThatThrownBy(() -> orders.placing().place(manager, request("2026-11-26", 1, 3), "k")).isInstanceOfSatisfying(
                    DomainException.class, e -> {
                        assertThat(e.error()).isEqualTo("ProfileIncomplete");
                        assertThat(e.problem()).contains(new OrderProblem.ProfileIncomplete(List.of("address")));
                    });
        }

        @Test
        void should_reject_invalid_address_id() {
            OrderRequest elsewhere = OrderRequest.of(request("2026-11-26", 1, 3).items(), "2026-11-26", "addr-office");
            assertThatThrownBy(() -> orders.placing().place(ASHA, elsewhere, "k")).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("Address not found"));
        }
    }

    @Nested
    class InventoryValidation {
        @Test
        void should_pass_when_all_items_in_stock() {
            assertThat(orders.placing().place(ASHA, request("2026-11-26", 50, 40), "k").order().lines()).hasSize(2);
        }

        @Test
        void should_fail_when_any_item_out_of_stock_and_hold_nothing() {
            assertThatThrownBy(() -> orders.placing().place(ASHA, request("2026-11-26", 2, 41), "k")).isInstanceOfSatisfying(
                    DomainException.class, e -> {
                        assertThat(e.error()).isEqualTo("InsufficientStock");
                        assertThat(e.getMessage()).isEqualTo("Product 'Greek Yogurt 200g' has only 40 units available");
                    });
            assertThat(reserved("prod-milk-500ml")).isZero();
        }

        @Test
        void should_handle_partial_stock_correctly() {
            orders.placing().place(ASHA, request("2026-11-26", 45, 1), "k1");
            assertThatThrownBy(() -> orders.placing().place(ASHA, request("2026-11-26", 6, 1), "k2")).isInstanceOfSatisfying(
                    DomainException.class, e -> assertThat(e.problem()).hasValueSatisfying(p -> assertThat(
                            ((OrderProblem.InsufficientStock) p).shortages().get(0).availableQuantity()).isEqualTo(5)));
            assertThat(orders.placing().place(ASHA, request("2026-11-26", 5, 1), "k3").order()).isNotNull();
        }

        @Test
        void should_handle_multiple_vendors() {
            List<OrderRequest.Item> items = List.of(
                    item("prod-milk-500ml", "vendor-001", 2),
                    item("prod-vrindavan-dahi-400g", "vendor-vrindavan", 2),
                    item("prod-vrindavan-fresh-cream-200ml", "vendor-vrindavan", 1));
            assertThatThrownBy(() -> orders.placing().place(ASHA, OrderRequest.of(items, "2026-11-26", "addr-home"), "k"))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.error()).isEqualTo("InsufficientStock");
                        assertThat(e.problem()).hasValueSatisfying(p -> assertThat(
                                ((OrderProblem.InsufficientStock) p).shortages().get(0).productId()).isEqualTo("prod-vrindavan-fresh-cream-200ml"));
                    });
            assertThat(reserved("prod-vrindavan-dahi-400g")).isZero();
        }
    }

    private int reserved(String productId) {
        String vendor = productId.startsWith("prod-vrindavan") ? "vendor-vrindavan" : "vendor-001";
        return stores.stock().get(new StockKey(vendor, productId)).orElseThrow().reserved();
    }

    private static OrderRequest request(String date, int milk, int yogurt) {
        return OrderRequest.of(List.of(item("prod-milk-500ml", "vendor-001", milk), item("prod-yogurt-200g", "vendor-001", yogurt)),
                date, "addr-home");
    }

    private static OrderRequest.Item item(String productId, String vendorId, int quantity) {
        return OrderRequest.Item.of(productId, vendorId, quantity);
    }
}
