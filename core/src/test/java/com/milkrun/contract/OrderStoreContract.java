package com.milkrun.contract;

import static com.milkrun.contract.ContractAssertions.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.milkrun.inventory.StockKey;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.inventory.StockLevel;
import com.milkrun.inventory.StockStore;
import com.milkrun.orders.CustomerStats;
import com.milkrun.orders.DeliveryAddress;
import com.milkrun.orders.IdempotencyRecord;
import com.milkrun.orders.Order;
import com.milkrun.orders.OrderEvent;
import com.milkrun.orders.OrderLimits;
import com.milkrun.orders.OrderLine;
import com.milkrun.orders.OrderQuery;
import com.milkrun.orders.OrderStatus;
import com.milkrun.orders.OrderStore;
import com.milkrun.orders.PlaceResult;
import com.milkrun.orders.Placement;
import com.milkrun.orders.Pricing;
import com.milkrun.orders.Shortage;
import com.milkrun.orders.StockEffect;
import com.milkrun.orders.VendorDecision;
import com.milkrun.orders.VendorDecision.Decision;
import com.milkrun.orders.VendorOrderLine;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.PageRequest;
import com.milkrun.testing.Orders;
import com.milkrun.testing.Placements;
import com.milkrun.testing.Race;
import com.milkrun.testing.Runs;
import com.milkrun.testing.Times;
import com.milkrun.testing.Users;
import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.WorkflowRun;
import com.milkrun.workflow.WorkflowStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link OrderStore}: placing an order is one atomic unit with its idempotency key, the
 * customer's stats and the reservation of every line, and stock never oversells under any concurrency; status
 * changes apply their stock effect and append their timeline entry atomically under optimistic locking; a placement
 * starts its workflow run in the same unit, within the limits of what one customer may hold for a delivery date,
 * which hold under concurrency too; each vendor decides once on an order; three lists page newest first.
 */
public abstract class OrderStoreContract {
    private static final Comparator<Order> NEWEST_FIRST =
            Comparator.comparing(Order::createdAt).thenComparing(Order::orderId).reversed();
    private static final Comparator<VendorOrderLine> VENDOR_ORDER = Comparator.comparing(VendorOrderLine::createdAt)
            .thenComparing(VendorOrderLine::orderId).reversed().thenComparing(l -> l.line().productId());

    /** A store with no orders, keys or stats, the same instance for the whole test. */
    protected abstract OrderStore store();

    /** The inventory that {@link #store()} reserves, with no records. */
    protected abstract StockStore stock();

    /** The workflow store in which {@link #store()} starts the runs of placements, with no runs. */
    protected abstract WorkflowStore workflows();

    /** The notification store in which {@link #store()} stores the messages of first steps done ahead, empty. */
    protected abstract NotificationStore notifications();

    @Test
    void places_an_order_at_version_1_and_reads_back_every_field() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 10);
        Order order = Orders.ashasFirstOrder();

        PlaceResult result = store().place(Placements.first(order, "key-asha-1"));

        assertThat(result).isEqualTo(new PlaceResult.Placed(withVersion(order, 1)));
        Order stored = store().get("order-asha-first").orElseThrow();
        assertThat(stored).isEqualTo(withVersion(order, 1));
        assertThat(stored.pricing()).isEqualTo(new Pricing(rupees("190.50"), rupees("4.76"), rupees("4.77"),
                rupees("9.53"), rupees("40.00"), rupees("0.00"), rupees("40.00"), rupees("19.05"), 0, rupees("19.05"),
                rupees("220.98")));
        assertThat(stored.lines()).containsExactly(Orders.anandMilk(2), Orders.anandPaneer(1));
        assertThat(stored.lines().get(1).unitPrice()).isEqualTo(rupees("90.50"));
        assertThat(stored.deliveryAddress()).isEqualTo(new DeliveryAddress("addr-asha-home", "Home", "12 Sayajigunj",
                "Near Kirti Mandir", "Vadodara", "Gujarat", "390005"));
        assertThat(stored.deliveryDate()).isEqualTo(LocalDate.of(2025, 1, 16));
        assertThat(stored.createdAt()).isEqualTo(Times.MORNING_RUN);
    }

    @Test
    void keeps_an_order_from_two_dairies_that_spends_points_to_the_paisa() {
        earnTwentyEightPoints();
        stockUp(Orders.anandPaneer(1), 10);
        stockUp(Orders.gokulMilk(1), 10);
        Order order = Orders.ashasTwoDairyOrder();

        Order placed = placed(Placements.of(order, "key-asha-2", 1, 12));

        assertThat(placed).isEqualTo(withVersion(order, 1));
        assertThat(store().get(order.orderId())).contains(placed);
        assertThat(placed.pricing()).isEqualTo(new Pricing(rupees("327.25"), rupees("8.18"), rupees("8.18"),
                rupees("16.36"), rupees("20.00"), rupees("10.00"), rupees("30.00"), rupees("0.00"), 12, rupees("12.00"),
                rupees("361.61")));
        assertThat(store().stats("user-asha")).isEqualTo(new CustomerStats("user-asha", 2, 16));
        assertThat(level(Orders.gokulMilk(1))).isEqualTo(new StockLevel("vendor-gokul", "prod-organic-milk-500ml", 10, 3));
        assertThat(level(Orders.anandMilk(1)).reserved()).isZero();
    }

    @Test
    void answers_nothing_for_an_unknown_order_key_or_customer() {
        assertThat(store().get("order-nobody")).isEmpty();
        assertThat(store().findIdempotencyKey("user-asha", "key-asha-1")).isEmpty();
        assertThat(store().stats("user-nobody")).isEqualTo(CustomerStats.none("user-nobody"));
    }

    @Test
    void reserves_every_line_claims_the_key_and_counts_the_order() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 5);
        Order order = Orders.ashasFirstOrder();

        store().place(Placements.first(order, "key-asha-1"));

        assertThat(level(Orders.anandMilk(1))).isEqualTo(new StockLevel("vendor-anand", "prod-organic-milk-500ml", 10, 2));
        assertThat(level(Orders.anandPaneer(1))).isEqualTo(new StockLevel("vendor-anand", "prod-malai-paneer-200g", 5, 1));
        assertThat(store().findIdempotencyKey("user-asha", "key-asha-1")).contains(new IdempotencyRecord("user-asha",
                "key-asha-1", Placements.requestHash(order), "order-asha-first", Times.MORNING_RUN));
        assertThat(store().stats("user-asha")).isEqualTo(new CustomerStats("user-asha", 1, 0));
    }

    @Test
    void answers_a_reused_key_with_the_first_request_and_writes_nothing() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 10);
        Order first = placed(Placements.first(Orders.ashasFirstOrder(), "key-asha-1"));
        Order retry = Orders.of("order-asha-retry", "user-asha", List.of(Orders.anandMilk(5)), Times.minutesAfterMorningRun(1));

        PlaceResult result = store().place(Placements.first(retry, "key-asha-1"));

        IdempotencyRecord record = new IdempotencyRecord("user-asha", "key-asha-1", Placements.requestHash(first),
                "order-asha-first", Times.MORNING_RUN);
        assertThat(result).isEqualTo(new PlaceResult.KeyUsed(record));
        assertThat(store().get("order-asha-retry")).isEmpty();
        assertThat(level(Orders.anandMilk(1)).reserved()).isEqualTo(2);
        assertThat(store().stats("user-asha")).isEqualTo(new CustomerStats("user-asha", 1, 0));
        assertThat(store().findIdempotencyKey("user-asha", "key-asha-1")).contains(record);
    }

    @Test
    void keeps_idempotency_keys_per_customer() {
        stockUp(Orders.anandMilk(1), 10);
        Order ashas = Orders.of("order-asha", "user-asha", List.of(Orders.anandMilk(1)), Times.MORNING_RUN);
        Order ravis = Orders.of("order-ravi", "user-ravi", List.of(Orders.anandMilk(2)), Times.MORNING_RUN);

        placed(Placements.first(ashas, "key-morning"));
        placed(Placements.first(ravis, "key-morning"));

        assertThat(store().findIdempotencyKey("user-asha", "key-morning").orElseThrow().orderId()).isEqualTo("order-asha");
        assertThat(store().findIdempotencyKey("user-ravi", "key-morning").orElseThrow().orderId()).isEqualTo("order-ravi");
        assertThat(level(Orders.anandMilk(1)).reserved()).isEqualTo(3);
    }

    @Test
    void refuses_a_placement_priced_as_a_first_order_once_the_customer_has_one_and_writes_nothing() {
        stockUp(Orders.anandMilk(1), 10);
        placed(Placements.first(Orders.of("order-1", "user-asha", List.of(Orders.anandMilk(1)), Times.MORNING_RUN), "key-1"));
        Order second = Orders.of("order-2", "user-asha", List.of(Orders.anandMilk(4)), Times.minutesAfterMorningRun(1));

        assertThat(store().place(Placements.of(second, "key-2", 0, 0))).isEqualTo(new PlaceResult.StatsChanged());

        assertThat(store().get("order-2")).isEmpty();
        assertThat(store().findIdempotencyKey("user-asha", "key-2")).isEmpty();
        assertThat(store().stats("user-asha")).isEqualTo(new CustomerStats("user-asha", 1, 0));
        assertThat(level(Orders.anandMilk(1)).reserved()).isEqualTo(1);
        assertThat(store().place(Placements.of(second, "key-2", 1, 0))).isInstanceOf(PlaceResult.Placed.class);
    }

    @Test
    void a_returning_customers_order_is_not_held_up_by_their_other_orders_landing_meanwhile() {
        stockUp(Orders.anandMilk(1), 10);
        placed(Placements.first(Orders.of("order-1", "user-asha", List.of(Orders.anandMilk(1)), Times.MORNING_RUN), "key-1"));
        placed(Placements.of(Orders.of("order-2", "user-asha", List.of(Orders.anandMilk(1)), Times.minutesAfterMorningRun(1)), "key-2", 1, 0));
        Order third = Orders.of("order-3", "user-asha", List.of(Orders.anandMilk(1)), Times.minutesAfterMorningRun(2));
        assertThat(store().place(Placements.of(third, "key-3", 1, 0))).isInstanceOf(PlaceResult.Placed.class);
        assertThat(store().stats("user-asha").orderCount()).isEqualTo(3);
    }

    @Test
    void spends_loyalty_points_only_while_the_customer_holds_them() {
        stockUp(Orders.anandMilk(1), 10);
        Order newcomers = Orders.of("order-kiran", "user-kiran", List.of(Orders.anandMilk(1)), Times.MORNING_RUN);
        assertThat(store().place(Placements.of(newcomers, "key-kiran", 0, 1))).isEqualTo(new PlaceResult.StatsChanged());
        earnTwentyEightPoints();
        Order order = Orders.of("order-asha-points", "user-asha", List.of(Orders.anandMilk(3)), Times.minutesAfterMorningRun(60));

        assertThat(store().place(Placements.of(order, "key-asha-points", 1, 29))).isEqualTo(new PlaceResult.StatsChanged());
        assertThat(store().stats("user-asha")).isEqualTo(new CustomerStats("user-asha", 1, 28));
        placed(Placements.of(order, "key-asha-points", 1, 28));

        assertThat(store().stats("user-asha")).isEqualTo(new CustomerStats("user-asha", 2, 0));
        assertThat(store().stats("user-kiran")).isEqualTo(CustomerStats.none("user-kiran"));
    }

    @Test
    void rejects_the_whole_order_listing_every_short_line_and_reserves_nothing() {
        stockUp(Orders.anandMilk(1), 5);
        stockUp(Orders.anandPaneer(1), 10);
        placed(Placements.first(Orders.of("order-ravi", "user-ravi", List.of(Orders.anandMilk(3)), Times.MORNING_RUN), "key-ravi"));
        Order order = Orders.of("order-asha", "user-asha",
                List.of(Orders.anandMilk(4), Orders.anandPaneer(1), Orders.gokulLassi(2)), Times.minutesAfterMorningRun(1));

        PlaceResult result = store().place(Placements.first(order, "key-asha"));

        assertThat(result).isEqualTo(new PlaceResult.OutOfStock(List.of(
                new Shortage("prod-organic-milk-500ml", "vendor-anand", "Organic Milk 500ml", 2, 4),
                new Shortage("prod-mango-lassi", "vendor-gokul", "mango lassi", 0, 2))));
        assertThat(level(Orders.anandMilk(1)).reserved()).isEqualTo(3);
        assertThat(level(Orders.anandPaneer(1)).reserved()).isZero();
        assertThat(stock().get(Orders.gokulLassi(1).stockKey())).isEmpty();
        assertThat(store().get("order-asha")).isEmpty();
        assertThat(store().findIdempotencyKey("user-asha", "key-asha")).isEmpty();
        assertThat(store().stats("user-asha")).isEqualTo(CustomerStats.none("user-asha"));

        stockUp(Orders.anandMilk(1), 7);
        stockUp(Orders.gokulLassi(1), 2);
        assertThat(store().place(Placements.first(order, "key-asha"))).isInstanceOf(PlaceResult.Placed.class);
        assertThat(level(Orders.anandMilk(1)).available()).isZero();
        assertThat(level(Orders.gokulLassi(1)).available()).isZero();
    }

    @Test
    void refuses_an_order_whose_id_is_taken_and_writes_nothing() {
        stockUp(Orders.anandMilk(1), 10);
        placed(Placements.first(Orders.of("order-1", "user-ravi", List.of(Orders.anandMilk(3)), Times.MORNING_RUN), "key-ravi"));
        Order clash = Orders.of("order-1", "user-asha", List.of(Orders.anandMilk(2)), Times.minutesAfterMorningRun(1));

        assertFailsWith("Conflict", () -> store().place(Placements.first(clash, "key-asha")));

        assertThat(store().get("order-1").orElseThrow().userId()).isEqualTo("user-ravi");
        assertThat(level(Orders.anandMilk(1)).reserved()).isEqualTo(3);
        assertThat(store().findIdempotencyKey("user-asha", "key-asha")).isEmpty();
        assertThat(store().stats("user-asha")).isEqualTo(CustomerStats.none("user-asha"));
    }

    @Test
    void refuses_an_order_with_two_lines_of_the_same_stock() {
        stockUp(Orders.anandMilk(1), 10);
        Order twice = Orders.of("order-twice", "user-asha", List.of(Orders.anandMilk(1), Orders.anandMilk(2)),
                Times.MORNING_RUN);

        assertThatThrownBy(() -> store().place(Placements.first(twice, "key-twice")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(level(Orders.anandMilk(1)).reserved()).isZero();
        assertThat(store().get("order-twice")).isEmpty();
    }

    @Test
    void releases_the_reservation_when_an_order_is_cancelled() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 10);
        Order placed = placed(Placements.first(Orders.ashasFirstOrder(), "key-asha-1"));
        Order cancelled = placed.moveTo(OrderStatus.CANCELLED, Times.minutesAfterMorningRun(30));

        Order stored = store().update(cancelled, StockEffect.RELEASE);

        assertThat(stored).isEqualTo(withVersion(cancelled, 2));
        assertThat(store().get(placed.orderId())).contains(stored);
        assertThat(level(Orders.anandMilk(1))).isEqualTo(new StockLevel("vendor-anand", "prod-organic-milk-500ml", 10, 0));
        assertThat(level(Orders.anandPaneer(1))).isEqualTo(new StockLevel("vendor-anand", "prod-malai-paneer-200g", 10, 0));
        assertThat(store().stats("user-asha")).isEqualTo(new CustomerStats("user-asha", 1, 0));
    }

    @Test
    void commits_the_stock_on_delivery_and_earns_a_point_per_hundred_rupees_paid() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 5);
        Order order = placed(Placements.first(Orders.ashasFirstOrder(), "key-asha-1"));

        for (OrderStatus next : List.of(OrderStatus.CONFIRMED, OrderStatus.PROCESSING, OrderStatus.OUT_FOR_DELIVERY)) {
            order = store().update(order.moveTo(next, Times.minutesAfterMorningRun(10)), StockEffect.NONE);
        }
        assertThat(level(Orders.anandMilk(1)).reserved()).isEqualTo(2);
        Order delivered = store().update(order.moveTo(OrderStatus.DELIVERED, Times.minutesAfterMorningRun(120)),
                StockEffect.COMMIT);

        assertThat(delivered.version()).isEqualTo(5);
        assertThat(delivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(delivered.updatedAt()).isEqualTo(Times.minutesAfterMorningRun(120));
        assertThat(store().get(delivered.orderId())).contains(delivered);
        assertThat(level(Orders.anandMilk(1))).isEqualTo(new StockLevel("vendor-anand", "prod-organic-milk-500ml", 8, 0));
        assertThat(level(Orders.anandPaneer(1))).isEqualTo(new StockLevel("vendor-anand", "prod-malai-paneer-200g", 4, 0));
        assertThat(store().stats("user-asha")).isEqualTo(new CustomerStats("user-asha", 1, 2));
    }

    @Test
    void changes_only_the_status_when_there_is_no_stock_effect() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 10);
        Order placed = placed(Placements.first(Orders.ashasFirstOrder(), "key-asha-1"));
        Order confirmed = placed.moveTo(OrderStatus.CONFIRMED, Times.minutesAfterMorningRun(5));

        assertThat(store().update(confirmed, StockEffect.NONE)).isEqualTo(withVersion(confirmed, 2));

        assertThat(level(Orders.anandMilk(1)).reserved()).isEqualTo(2);
        assertThat(store().stats("user-asha")).isEqualTo(new CustomerStats("user-asha", 1, 0));
    }

    @Test
    void rejects_a_stale_update_and_applies_no_stock_effect() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 10);
        Order placed = placed(Placements.first(Orders.ashasFirstOrder(), "key-asha-1"));
        Order confirmed = store().update(placed.moveTo(OrderStatus.CONFIRMED, Times.minutesAfterMorningRun(5)),
                StockEffect.NONE);

        assertThatThrownBy(() -> store().update(placed.moveTo(OrderStatus.CANCELLED, Times.minutesAfterMorningRun(6)),
                StockEffect.RELEASE)).isInstanceOf(ConcurrentModification.class);

        assertThat(store().get(placed.orderId())).contains(confirmed);
        assertThat(level(Orders.anandMilk(1)).reserved()).isEqualTo(2);
    }

    @Test
    void rejects_an_update_of_a_missing_order_as_not_found() {
        stockUp(Orders.anandMilk(1), 10);
        Order never = withVersion(Orders.ashasFirstOrder(), 1).moveTo(OrderStatus.CANCELLED, Times.MORNING_RUN);

        assertFailsWith("NotFound", () -> store().update(never, StockEffect.RELEASE));
        assertThat(store().get(never.orderId())).isEmpty();
    }

    @Test
    void lists_a_customers_orders_newest_first_breaking_ties_by_id_descending() {
        List<Order> all = placeMany();
        List<Order> ashas = all.stream().filter(o -> o.userId().equals("user-asha")).sorted(NEWEST_FIRST).toList();

        assertThat(store().listForUser("user-asha", PageRequest.first(100)).items()).containsExactlyElementsOf(ashas);
        assertThat(Paging.walk(page -> store().listForUser("user-asha", page), 3)).containsExactlyElementsOf(ashas);
        assertThat(Paging.walk(page -> store().listForUser("user-asha", page), 1)).containsExactlyElementsOf(ashas);
        assertThat(store().listForUser("user-nobody", PageRequest.firstPage()).items()).isEmpty();
        assertThat(ashas).extracting(Order::orderId).startsWith("order-015", "order-013", "order-011", "order-009",
                "order-007", "order-005");
    }

    @Test
    void lists_every_order_newest_first_across_pages() {
        List<Order> all = placeMany();

        assertThat(Paging.walk(page -> store().list(OrderQuery.all(), page), 5))
                .containsExactlyElementsOf(all.stream().sorted(NEWEST_FIRST).toList());
        assertThat(Paging.walk(page -> store().list(OrderQuery.all(), page), 1))
                .containsExactlyElementsOf(all.stream().sorted(NEWEST_FIRST).toList());
    }

    @Test
    void filters_the_order_list_by_status_delivery_date_vendor_and_pincode() {
        List<Order> all = placeMany();
        LocalDate dayAfter = Orders.TOMORROW.plusDays(1);

        assertListed(all, query(OrderStatus.CONFIRMED, null, null, null), o -> o.status() == OrderStatus.CONFIRMED);
        assertListed(all, query(OrderStatus.CANCELLED, null, null, null), o -> o.status() == OrderStatus.CANCELLED);
        assertListed(all, query(OrderStatus.PENDING, null, null, null), o -> o.status() == OrderStatus.PENDING);
        assertListed(all, query(null, dayAfter, null, null), o -> o.deliveryDate().equals(dayAfter));
        assertListed(all, query(null, null, "vendor-gokul", null), o -> o.hasVendor("vendor-gokul"));
        assertListed(all, query(null, null, null, "390007"), o -> o.deliveryAddress().zipCode().equals("390007"));
        assertListed(all, query(OrderStatus.PENDING, null, "vendor-anand", "390005"), o -> o.status() == OrderStatus.PENDING
                && o.hasVendor("vendor-anand") && o.deliveryAddress().zipCode().equals("390005"));
        assertListed(all, query(OrderStatus.PENDING, Orders.TOMORROW, "vendor-gokul", null), o -> o.status() == OrderStatus.PENDING
                && o.deliveryDate().equals(Orders.TOMORROW) && o.hasVendor("vendor-gokul"));
        assertThat(store().list(query(null, null, null, "110001"), PageRequest.firstPage()).items()).isEmpty();
        assertThat(store().list(query(null, null, "vendor-nobody", null), PageRequest.firstPage()).items()).isEmpty();
    }

    @Test
    void lists_a_vendors_lines_newest_order_first_then_by_product() {
        List<Order> all = placeMany();
        LocalDate dayAfter = Orders.TOMORROW.plusDays(1);

        assertVendorLines(all, "vendor-anand", Optional.empty(), Optional.empty());
        assertVendorLines(all, "vendor-gokul", Optional.empty(), Optional.empty());
        assertVendorLines(all, "vendor-anand", Optional.of(dayAfter), Optional.empty());
        assertVendorLines(all, "vendor-anand", Optional.empty(), Optional.of(OrderStatus.CONFIRMED));
        assertVendorLines(all, "vendor-gokul", Optional.of(Orders.TOMORROW), Optional.of(OrderStatus.PENDING));
        List<VendorOrderLine> anand = store().listForVendor("vendor-anand", Optional.empty(), Optional.empty(),
                PageRequest.first(100)).items();
        assertThat(anand).extracting(VendorOrderLine::orderId).startsWith("order-015", "order-014", "order-014");
        assertThat(anand.subList(1, 3)).extracting(l -> l.line().productId())
                .containsExactly("prod-malai-paneer-200g", "prod-organic-milk-500ml");
        VendorOrderLine paneer = anand.get(1);
        assertThat(paneer).isEqualTo(new VendorOrderLine("order-014", OrderStatus.CANCELLED, Orders.TOMORROW.plusDays(1),
                Orders.anandPaneer(1), "Vadodara", "390005", Times.minutesAfterMorningRun(14), Optional.empty()));
        assertThat(store().listForVendor("vendor-nobody", Optional.empty(), Optional.empty(), PageRequest.firstPage())
                .items()).isEmpty();
    }

    @Test
    void gives_no_token_when_the_last_page_is_exactly_full() {
        List<Order> all = placeMany();
        int ashas = (int) all.stream().filter(o -> o.userId().equals("user-asha")).count();
        int anandLines = store().listForVendor("vendor-anand", Optional.empty(), Optional.empty(),
                PageRequest.first(100)).items().size();

        assertThat(store().listForUser("user-asha", PageRequest.first(ashas)).nextToken()).isEmpty();
        assertThat(store().listForUser("user-asha", PageRequest.first(ashas - 1)).nextToken()).isPresent();
        assertThat(store().list(OrderQuery.all(), PageRequest.first(all.size())).nextToken()).isEmpty();
        assertThat(store().listForVendor("vendor-anand", Optional.empty(), Optional.empty(),
                PageRequest.first(anandLines)).nextToken()).isEmpty();
        assertThat(Paging.countPages(page -> store().list(OrderQuery.all(), page), 8)).isEqualTo(2);
    }

    @Test
    void refuses_page_tokens_it_did_not_issue() {
        placeMany();
        String mine = store().listForUser("user-asha", PageRequest.first(3)).nextToken().orElseThrow();
        String all = store().list(OrderQuery.all(), PageRequest.first(3)).nextToken().orElseThrow();
        String lines = store().listForVendor("vendor-anand", Optional.empty(), Optional.empty(), PageRequest.first(3))
                .nextToken().orElseThrow();

        ForgedTokens.assertAllRefused(mine, token -> store().listForUser("user-asha", new PageRequest(3, token)));
        ForgedTokens.assertAllRefused(all, token -> store().list(OrderQuery.all(), new PageRequest(3, token)));
        ForgedTokens.assertAllRefused(lines, token -> store().listForVendor("vendor-anand", Optional.empty(),
                Optional.empty(), new PageRequest(3, token)));
    }

    @Test
    void refuses_a_token_issued_for_another_list_or_filter() {
        placeMany();
        String ashas = store().listForUser("user-asha", PageRequest.first(2)).nextToken().orElseThrow();
        OrderQuery pending = query(OrderStatus.PENDING, null, null, null);
        String pendingToken = store().list(pending, PageRequest.first(2)).nextToken().orElseThrow();
        String anands = store().listForVendor("vendor-anand", Optional.empty(), Optional.empty(), PageRequest.first(2))
                .nextToken().orElseThrow();

        assertFailsWith("InvalidNextToken", () -> store().listForUser("user-kiran", new PageRequest(2, ashas)));
        assertFailsWith("InvalidNextToken", () -> store().list(OrderQuery.all(), new PageRequest(2, ashas)));
        assertFailsWith("InvalidNextToken", () -> store().list(OrderQuery.all(), new PageRequest(2, pendingToken)));
        assertFailsWith("InvalidNextToken", () -> store().list(query(OrderStatus.PENDING, null, null, "390005"),
                new PageRequest(2, pendingToken)));
        assertFailsWith("InvalidNextToken", () -> store().listForVendor("vendor-gokul", Optional.empty(),
                Optional.empty(), new PageRequest(2, anands)));
        assertFailsWith("InvalidNextToken", () -> store().listForVendor("vendor-anand", Optional.of(Orders.TOMORROW),
                Optional.empty(), new PageRequest(2, anands)));
        assertFailsWith("InvalidNextToken", () -> store().list(OrderQuery.all(), new PageRequest(2, anands)));
        assertThat(store().list(pending, new PageRequest(2, pendingToken)).items()).hasSize(2);
    }

    @Test
    void of_two_customers_racing_for_the_last_bottle_exactly_one_gets_it() {
        stockUp(Orders.anandMilk(1), 1);

        List<Race.Outcome<PlaceResult>> outcomes = Race.run(2, racer -> store().place(Placements.first(
                Orders.of("order-racer-" + racer, "user-racer-" + racer, List.of(Orders.anandMilk(1)), Times.MORNING_RUN),
                "key-racer-" + racer)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(outcomes).filteredOn(o -> o.value() instanceof PlaceResult.Placed).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.value() instanceof PlaceResult.OutOfStock).singleElement()
                .satisfies(o -> assertThat(((PlaceResult.OutOfStock) o.value()).shortages()).containsExactly(
                        new Shortage("prod-organic-milk-500ml", "vendor-anand", "Organic Milk 500ml", 0, 1)));
        assertThat(level(Orders.anandMilk(1))).isEqualTo(new StockLevel("vendor-anand", "prod-organic-milk-500ml", 1, 1));
        assertThat(store().list(OrderQuery.all(), PageRequest.firstPage()).items()).hasSize(1);
    }

    @Test
    void two_hundred_customers_racing_for_fifty_bottles_get_exactly_fifty() {
        stockUp(Orders.anandMilk(1), 50);

        List<Race.Outcome<PlaceResult>> outcomes = Race.run(200, racer -> store().place(Placements.first(
                Orders.of(String.format("order-racer-%03d", racer), "user-racer-" + racer, List.of(Orders.anandMilk(1)),
                        Times.minutesAfterMorningRun(racer % 7)),
                "key-racer-" + racer)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(outcomes).filteredOn(o -> o.value() instanceof PlaceResult.Placed).hasSize(50);
        assertThat(outcomes).filteredOn(o -> o.value() instanceof PlaceResult.OutOfStock).hasSize(150);
        assertThat(level(Orders.anandMilk(1))).isEqualTo(new StockLevel("vendor-anand", "prod-organic-milk-500ml", 50, 50));
        assertThat(Paging.walk(page -> store().list(OrderQuery.all(), page), 100)).hasSize(50);
    }

    @Test
    void twenty_racing_retries_of_one_request_place_exactly_one_order() {
        stockUp(Orders.anandMilk(1), 100);
        stockUp(Orders.anandPaneer(1), 100);

        List<Race.Outcome<PlaceResult>> outcomes = Race.run(20, racer -> {
            Order attempt = new Order("order-attempt-" + racer, "user-asha", Orders.ashasFirstOrder().lines(),
                    Orders.ashasFirstOrder().pricing(), OrderStatus.PENDING, Orders.TOMORROW,
                    DeliveryAddress.of(Users.ashaHome()), Orders.ashasFirstOrder().paymentMethod(), Times.MORNING_RUN,
                    Times.MORNING_RUN, 0);
            return store().place(Placements.first(attempt, "key-asha-double-tap"));
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        List<Order> placed = outcomes.stream().map(Race.Outcome::value).filter(r -> r instanceof PlaceResult.Placed)
                .map(r -> ((PlaceResult.Placed) r).order()).toList();
        assertThat(placed).hasSize(1);
        String orderId = placed.get(0).orderId();
        assertThat(outcomes).filteredOn(o -> o.value() instanceof PlaceResult.KeyUsed).hasSize(19)
                .allSatisfy(o -> assertThat(((PlaceResult.KeyUsed) o.value()).existing().orderId()).isEqualTo(orderId));
        assertThat(level(Orders.anandMilk(1)).reserved()).isEqualTo(2);
        assertThat(level(Orders.anandPaneer(1)).reserved()).isEqualTo(1);
        assertThat(store().stats("user-asha")).isEqualTo(new CustomerStats("user-asha", 1, 0));
        assertThat(store().listForUser("user-asha", PageRequest.firstPage()).items()).extracting(Order::orderId)
                .containsExactly(orderId);
    }

    @Test
    void racing_orders_of_the_same_products_in_any_line_order_never_deadlock_or_oversell() {
        List<Function<Integer, OrderLine>> products = List.of(Orders::anandMilk, Orders::anandPaneer, Orders::gokulLassi);
        products.forEach(p -> stockUp(p.apply(1), 20));
        int[][] lineOrders = {{0, 1, 2}, {2, 1, 0}, {1, 0, 2}, {2, 0, 1}, {0, 2, 1}, {1, 2, 0}};

        List<Race.Outcome<PlaceResult>> outcomes = Race.run(24, racer -> {
            List<OrderLine> lines = new ArrayList<>();
            for (int index : lineOrders[racer % lineOrders.length]) {
                lines.add(products.get(index).apply(1 + (racer + index) % 2));
            }
            Order order = Orders.of(String.format("order-racer-%02d", racer), "user-racer-" + racer, lines,
                    Times.MORNING_RUN);
            return store().place(Placements.first(order, "key-racer-" + racer));
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(outcomes).allSatisfy(o -> assertThat(o.value())
                .isInstanceOfAny(PlaceResult.Placed.class, PlaceResult.OutOfStock.class));
        Map<StockKey, Integer> placedUnits = new HashMap<>();
        outcomes.stream().map(Race.Outcome::value).filter(r -> r instanceof PlaceResult.Placed)
                .flatMap(r -> ((PlaceResult.Placed) r).order().lines().stream())
                .forEach(l -> placedUnits.merge(l.stockKey(), l.quantity(), Integer::sum));
        assertThat(placedUnits).isNotEmpty();
        for (Function<Integer, OrderLine> product : products) {
            StockLevel level = level(product.apply(1));
            assertThat(level.stock()).isEqualTo(20);
            assertThat(level.reserved()).isEqualTo(placedUnits.getOrDefault(level.key(), 0)).isBetween(0, 20);
        }
    }

    @Test
    void a_customer_may_hold_three_open_cash_orders_for_a_date_and_a_fourth_is_refused_holding_nothing() {
        stockUp(Orders.anandMilk(1), 50);
        OrderLimits limits = new OrderLimits(3, 20);
        for (int n = 0; n < 3; n++) {
            placed(Placements.limited(milkFor("user-asha", "order-asha-" + n, Orders.TOMORROW, 1), "key-" + n, n, limits));
        }

        PlaceResult fourth = store().place(Placements.limited(milkFor("user-asha", "order-asha-3", Orders.TOMORROW, 1),
                "key-3", 3, limits));

        assertThat(fourth).isEqualTo(new PlaceResult.OrderLimitReached(3));
        assertThat(store().get("order-asha-3")).isEmpty();
        assertThat(store().findIdempotencyKey("user-asha", "key-3")).isEmpty();
        assertThat(store().stats("user-asha").orderCount()).isEqualTo(3);
        assertThat(level(Orders.anandMilk(1)).reserved()).isEqualTo(3);
        placed(Placements.limited(milkFor("user-asha", "order-asha-later", Orders.TOMORROW.plusDays(1), 1), "key-later", 3, limits));
        placed(Placements.limited(milkFor("user-ravi", "order-ravi-0", Orders.TOMORROW, 1), "key-ravi", 0, limits));
    }

    @Test
    void cancelling_failing_or_delivering_an_order_frees_its_place_and_its_units_for_the_date() {
        stockUp(Orders.anandMilk(1), 50);
        OrderLimits limits = new OrderLimits(2, 10);
        Order first = placed(Placements.limited(milkFor("user-asha", "order-a", Orders.TOMORROW, 5), "key-a", 0, limits));
        Order second = placed(Placements.limited(milkFor("user-asha", "order-b", Orders.TOMORROW, 5), "key-b", 1, limits));
        assertThat(store().place(Placements.limited(milkFor("user-asha", "order-c", Orders.TOMORROW, 1), "key-c", 2, limits)))
                .isEqualTo(new PlaceResult.OrderLimitReached(2));

        store().update(first.change(OrderStatus.CANCELLED, Times.minutesAfterMorningRun(5)));
        Order third = placed(Placements.limited(milkFor("user-asha", "order-c", Orders.TOMORROW, 5), "key-c", 2, limits));
        store().update(second.change(OrderStatus.FAILED, Times.minutesAfterMorningRun(6)));
        Order fourth = placed(Placements.limited(milkFor("user-asha", "order-d", Orders.TOMORROW, 5), "key-d", 3, limits));
        assertThat(store().place(Placements.limited(milkFor("user-asha", "order-e", Orders.TOMORROW, 1), "key-e", 4, limits)))
                .isEqualTo(new PlaceResult.OrderLimitReached(2));

        Order delivered = third;
        for (OrderStatus next : List.of(OrderStatus.CONFIRMED, OrderStatus.PROCESSING, OrderStatus.OUT_FOR_DELIVERY,
                OrderStatus.DELIVERED)) {
            delivered = store().update(delivered.change(next, Times.minutesAfterMorningRun(7)));
        }
        placed(Placements.limited(milkFor("user-asha", "order-e", Orders.TOMORROW, 5), "key-e", 4, limits));
        assertThat(fourth.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(level(Orders.anandMilk(1))).isEqualTo(new StockLevel("vendor-anand", "prod-organic-milk-500ml", 45, 10));
    }

    @Test
    void units_of_one_dairys_product_are_limited_across_the_customers_open_orders_for_the_date() {
        stockUp(Orders.anandMilk(1), 50);
        stockUp(Orders.anandPaneer(1), 50);
        stockUp(Orders.gokulMilk(1), 50);
        OrderLimits limits = new OrderLimits(10, 5);
        placed(Placements.limited(Orders.of("order-a", "user-asha", List.of(Orders.anandMilk(3)), Times.MORNING_RUN),
                "key-a", 0, limits));

        PlaceResult tooMuch = store().place(Placements.limited(Orders.of("order-b", "user-asha",
                List.of(Orders.anandPaneer(5), Orders.anandMilk(3)), Times.MORNING_RUN), "key-b", 1, limits));

        assertThat(tooMuch).isEqualTo(new PlaceResult.ProductLimitReached("prod-organic-milk-500ml", "vendor-anand", 5, 3));
        assertThat(level(Orders.anandPaneer(1)).reserved()).isZero();
        assertThat(level(Orders.anandMilk(1)).reserved()).isEqualTo(3);
        placed(Placements.limited(Orders.of("order-c", "user-asha", List.of(Orders.anandPaneer(5), Orders.anandMilk(2),
                Orders.gokulMilk(5)), Times.MORNING_RUN), "key-c", 1, limits));
        assertThat(store().place(Placements.limited(Orders.of("order-d", "user-asha", List.of(Orders.gokulMilk(6)),
                Times.MORNING_RUN), "key-d", 2, limits))).isEqualTo(new PlaceResult.ProductLimitReached(
                "prod-organic-milk-500ml", "vendor-gokul", 5, 5));
        assertThat(store().place(Placements.limited(Orders.of("order-e", "user-ravi", List.of(Orders.anandMilk(6)),
                Times.MORNING_RUN), "key-e", 0, limits))).isEqualTo(new PlaceResult.ProductLimitReached(
                "prod-organic-milk-500ml", "vendor-anand", 5, 0));
    }

    @Test
    void ten_racing_orders_of_one_customer_for_one_date_place_exactly_the_three_allowed() {
        stockUp(Orders.anandMilk(1), 100);
        stockUp(Orders.anandPaneer(1), 100);
        placed(Placements.first(Orders.of("order-earlier", "user-asha", List.of(Orders.anandPaneer(1)), Times.MORNING_RUN),
                "key-earlier"));
        OrderLimits limits = new OrderLimits(3, 20);

        List<Race.Outcome<PlaceResult>> outcomes = Race.run(10, racer -> store().place(Placements.limited(
                milkFor("user-asha", "order-racer-" + racer, Orders.TOMORROW.plusDays(1), 1), "key-racer-" + racer, 1, limits)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(outcomes).filteredOn(o -> o.value() instanceof PlaceResult.Placed).hasSize(3);
        assertThat(outcomes).filteredOn(o -> o.value() instanceof PlaceResult.OrderLimitReached).hasSize(7);
        assertThat(level(Orders.anandMilk(1)).reserved()).isEqualTo(3);
        assertThat(store().stats("user-asha").orderCount()).isEqualTo(4);
    }

    @Test
    void racing_orders_of_one_customer_never_hold_more_units_of_a_product_than_allowed() {
        stockUp(Orders.anandMilk(1), 100);
        placed(Placements.first(Orders.of("order-earlier", "user-asha", List.of(Orders.anandMilk(2)), Times.MORNING_RUN),
                "key-earlier"));
        OrderLimits limits = new OrderLimits(100, 20);

        List<Race.Outcome<PlaceResult>> outcomes = Race.run(12, racer -> store().place(Placements.limited(
                milkFor("user-asha", "order-racer-" + racer, Orders.TOMORROW, 3), "key-racer-" + racer, 1, limits)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(outcomes).filteredOn(o -> o.value() instanceof PlaceResult.Placed).hasSize(6);
        assertThat(outcomes).filteredOn(o -> o.value() instanceof PlaceResult.ProductLimitReached).hasSize(6)
                .allSatisfy(o -> assertThat(((PlaceResult.ProductLimitReached) o.value()).alreadyOrdered()).isEqualTo(20));
        assertThat(level(Orders.anandMilk(1)).reserved()).isEqualTo(20);
    }

    @Test
    void two_racing_cancellations_of_one_order_release_its_stock_once() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 10);
        placed(Placements.first(Orders.of("order-ravi", "user-ravi", List.of(Orders.anandMilk(3)), Times.MORNING_RUN), "key-ravi"));
        Order ashas = placed(Placements.first(Orders.ashasFirstOrder(), "key-asha-1"));

        List<Race.Outcome<Order>> outcomes = Race.run(2, racer -> store().update(
                ashas.moveTo(OrderStatus.CANCELLED, Times.minutesAfterMorningRun(30 + racer)), StockEffect.RELEASE));

        assertThat(outcomes).filteredOn(Race.Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement()
                .satisfies(o -> assertThat(o.failure()).isInstanceOf(ConcurrentModification.class));
        assertThat(level(Orders.anandMilk(1)).reserved()).isEqualTo(3);
        assertThat(level(Orders.anandPaneer(1)).reserved()).isZero();
        Order stored = store().get(ashas.orderId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void placing_writes_the_placed_entry_as_the_first_of_the_timeline() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 10);

        placed(Placements.first(Orders.ashasFirstOrder(), "key-asha-1"));

        assertThat(store().timeline("order-asha-first")).containsExactly(new OrderEvent(1, "order-asha-first", "Placed",
                OrderStatus.PENDING, "customer", "Customer", "", Times.MORNING_RUN));
    }

    @Test
    void keeps_the_first_entry_the_placement_carries_to_the_letter() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 10);
        OrderEvent placedByAsha = OrderEvent.of("order-asha-first", "Placed", OrderStatus.PENDING, "customer",
                "Asha Patel", "Please ring twice — दूध", Times.MORNING_RUN);

        placed(Placements.firstWithEvent(Orders.ashasFirstOrder(), "key-asha-1", placedByAsha));

        assertThat(store().timeline("order-asha-first")).containsExactly(new OrderEvent(1, "order-asha-first", "Placed",
                OrderStatus.PENDING, "customer", "Asha Patel", "Please ring twice — दूध", Times.MORNING_RUN));
    }

    @Test
    void a_placement_that_is_not_placed_writes_no_timeline() {
        stockUp(Orders.anandMilk(1), 1);
        Order order = Orders.of("order-asha", "user-asha", List.of(Orders.anandMilk(2)), Times.MORNING_RUN);

        assertThat(store().place(Placements.first(order, "key-asha"))).isInstanceOf(PlaceResult.OutOfStock.class);

        assertThat(store().timeline("order-asha")).isEmpty();
    }

    @Test
    void an_update_appends_its_entry_numbered_after_the_last() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 10);
        Order placed = placed(Placements.first(Orders.ashasFirstOrder(), "key-asha-1"));
        Instant at = Times.minutesAfterMorningRun(5);

        Order confirmed = store().update(placed.moveTo(OrderStatus.CONFIRMED, at), StockEffect.NONE,
                OrderEvent.of(placed.orderId(), "Confirmed", OrderStatus.CONFIRMED, "workflow", "UpdateOrderStatus",
                        "every dairy accepted", at));

        assertThat(confirmed.version()).isEqualTo(2);
        assertThat(store().timeline(placed.orderId())).extracting(OrderEvent::seq, OrderEvent::what, OrderEvent::status)
                .containsExactly(tuple(1L, "Placed", OrderStatus.PENDING), tuple(2L, "Confirmed", OrderStatus.CONFIRMED));
        assertThat(store().timeline(placed.orderId()).get(1)).isEqualTo(new OrderEvent(2, placed.orderId(), "Confirmed",
                OrderStatus.CONFIRMED, "workflow", "UpdateOrderStatus", "every dairy accepted", at));
    }

    @Test
    void an_update_without_an_entry_appends_one_naming_the_new_status_by_the_system() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 10);
        Order placed = placed(Placements.first(Orders.ashasFirstOrder(), "key-asha-1"));
        Instant at = Times.minutesAfterMorningRun(30);

        store().update(placed.moveTo(OrderStatus.CANCELLED, at), StockEffect.RELEASE);

        assertThat(store().timeline(placed.orderId())).last().isEqualTo(new OrderEvent(2, placed.orderId(),
                OrderStatus.CANCELLED.wireName(), OrderStatus.CANCELLED, "system", "MilkRun", "", at));
    }

    @Test
    void a_stale_or_missing_update_writes_no_entry() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 10);
        Order placed = placed(Placements.first(Orders.ashasFirstOrder(), "key-asha-1"));
        store().update(placed.moveTo(OrderStatus.CONFIRMED, Times.minutesAfterMorningRun(5)), StockEffect.NONE);
        Instant late = Times.minutesAfterMorningRun(6);

        assertThatThrownBy(() -> store().update(placed.moveTo(OrderStatus.CANCELLED, late), StockEffect.RELEASE,
                OrderEvent.of(placed.orderId(), "Cancelled", OrderStatus.CANCELLED, "customer", "Asha", "", late)))
                .isInstanceOf(ConcurrentModification.class);
        Order never = withVersion(Orders.of("order-never", "user-asha", List.of(Orders.anandMilk(1)), late), 1)
                .moveTo(OrderStatus.CANCELLED, late);
        assertFailsWith("NotFound", () -> store().update(never, StockEffect.NONE,
                OrderEvent.of("order-never", "Cancelled", OrderStatus.CANCELLED, "customer", "Asha", "", late)));

        assertThat(store().timeline(placed.orderId())).extracting(OrderEvent::what)
                .containsExactly("Placed", OrderStatus.CONFIRMED.wireName());
        assertThat(store().timeline("order-never")).isEmpty();
    }

    @Test
    void adds_entries_that_change_no_status_in_the_order_written() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 10);
        Order placed = placed(Placements.first(Orders.ashasFirstOrder(), "key-asha-1"));

        store().addEvent(OrderEvent.of(placed.orderId(), "VendorsNotified", OrderStatus.PENDING, "workflow",
                "NotifyVendors", "1 dairy", Times.minutesAfterMorningRun(1)));
        store().addEvent(OrderEvent.of(placed.orderId(), "VendorAccepted", OrderStatus.PENDING, "vendor",
                "Anand Dairy", "", Times.minutesAfterMorningRun(2)));

        assertThat(store().timeline(placed.orderId())).containsExactly(
                new OrderEvent(1, placed.orderId(), "Placed", OrderStatus.PENDING, "customer", "Customer", "",
                        Times.MORNING_RUN),
                new OrderEvent(2, placed.orderId(), "VendorsNotified", OrderStatus.PENDING, "workflow", "NotifyVendors",
                        "1 dairy", Times.minutesAfterMorningRun(1)),
                new OrderEvent(3, placed.orderId(), "VendorAccepted", OrderStatus.PENDING, "vendor", "Anand Dairy", "",
                        Times.minutesAfterMorningRun(2)));
        assertThat(store().get(placed.orderId())).contains(placed);
    }

    @Test
    void numbers_each_orders_timeline_on_its_own_and_keeps_the_written_order_over_the_times() {
        stockUp(Orders.anandMilk(1), 10);
        Order ashas = placed(Placements.first(Orders.of("order-asha", "user-asha", List.of(Orders.anandMilk(1)),
                Times.MORNING_RUN), "key-asha"));
        Order ravis = placed(Placements.first(Orders.of("order-ravi", "user-ravi", List.of(Orders.anandMilk(1)),
                Times.MORNING_RUN), "key-ravi"));

        store().addEvent(OrderEvent.of(ravis.orderId(), "VendorsNotified", OrderStatus.PENDING, "workflow",
                "NotifyVendors", "", Times.minutesAfterMorningRun(3)));
        store().addEvent(OrderEvent.of(ashas.orderId(), "VendorsNotified", OrderStatus.PENDING, "workflow",
                "NotifyVendors", "", Times.minutesAfterMorningRun(2)));
        store().addEvent(OrderEvent.of(ashas.orderId(), "CustomerNotified", OrderStatus.PENDING, "workflow",
                "NotifyCustomer", "", Times.minutesAfterMorningRun(1)));

        assertThat(store().timeline(ashas.orderId())).extracting(OrderEvent::seq, OrderEvent::what).containsExactly(
                tuple(1L, "Placed"), tuple(2L, "VendorsNotified"), tuple(3L, "CustomerNotified"));
        assertThat(store().timeline(ravis.orderId())).extracting(OrderEvent::seq, OrderEvent::what).containsExactly(
                tuple(1L, "Placed"), tuple(2L, "VendorsNotified"));
    }

    @Test
    void answers_an_empty_timeline_and_no_decisions_for_an_unknown_order_and_refuses_to_add_to_it() {
        assertThat(store().timeline("order-nobody")).isEmpty();
        assertThat(store().decisions("order-nobody")).isEmpty();

        assertFailsWith("NotFound", () -> store().addEvent(OrderEvent.of("order-nobody", "VendorsNotified",
                OrderStatus.PENDING, "workflow", "NotifyVendors", "", Times.MORNING_RUN)));
        assertFailsWith("NotFound", () -> store().decide(accepted("order-nobody", "vendor-anand", 1)));
        assertThat(store().timeline("order-nobody")).isEmpty();
        assertThat(store().decisions("order-nobody")).isEmpty();
    }

    @Test
    void eight_racing_entries_on_one_order_get_the_numbers_2_to_9_once_each() {
        stockUp(Orders.anandMilk(1), 10);
        Order placed = placed(Placements.first(Orders.of("order-asha", "user-asha", List.of(Orders.anandMilk(1)),
                Times.MORNING_RUN), "key-asha"));

        List<Race.Outcome<Boolean>> outcomes = Race.run(8, racer -> {
            store().addEvent(OrderEvent.of(placed.orderId(), "Note" + racer, OrderStatus.PENDING, "workflow",
                    "Step" + racer, "", Times.minutesAfterMorningRun(1)));
            return true;
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        List<OrderEvent> timeline = store().timeline(placed.orderId());
        assertThat(timeline).extracting(OrderEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(timeline.subList(1, 9)).extracting(OrderEvent::what).containsExactlyInAnyOrder("Note0", "Note1",
                "Note2", "Note3", "Note4", "Note5", "Note6", "Note7");
    }

    @Test
    void of_eight_steps_recording_the_same_entry_at_once_exactly_one_does() {
        stockUp(Orders.anandMilk(1), 10);
        Order placed = placed(Placements.first(Orders.of("order-asha", "user-asha", List.of(Orders.anandMilk(1)),
                Times.MORNING_RUN), "key-asha"));

        List<Race.Outcome<Boolean>> outcomes = Race.run(8, racer -> store().addEventOnce(OrderEvent.of(placed.orderId(),
                "VendorsNotified", OrderStatus.PENDING, "workflow", "NotifyVendors", "racer " + racer,
                Times.minutesAfterMorningRun(1))));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(outcomes).filteredOn(o -> Boolean.TRUE.equals(o.value())).hasSize(1);
        assertThat(store().timeline(placed.orderId())).extracting(OrderEvent::what).containsExactly("Placed", "VendorsNotified");
        assertThat(store().addEventOnce(OrderEvent.of(placed.orderId(), "VendorAccepted", OrderStatus.PENDING, "vendor",
                "Anand Dairy", "", Times.minutesAfterMorningRun(2)))).isTrue();
        assertFailsWith("NotFound", () -> store().addEventOnce(OrderEvent.of("order-nobody", "VendorsNotified",
                OrderStatus.PENDING, "workflow", "NotifyVendors", "", Times.MORNING_RUN)));
    }

    @Test
    void keeps_the_first_decision_of_a_vendor_and_answers_false_to_a_second() {
        Order order = placeTwoDairyOrder();
        VendorDecision accepted = accepted(order.orderId(), "vendor-anand", 10);
        VendorDecision rejected = new VendorDecision(order.orderId(), "vendor-anand", Decision.REJECTED,
                "paneer ran out", "Ravi Shah", Times.minutesAfterMorningRun(11));

        assertThat(store().decide(accepted)).isTrue();
        assertThat(store().decide(rejected)).isFalse();

        assertThat(store().decisions(order.orderId())).containsExactly(accepted);
    }

    @Test
    void keeps_every_field_of_a_decision() {
        Order order = placeTwoDairyOrder();
        VendorDecision rejected = new VendorDecision(order.orderId(), "vendor-gokul", Decision.REJECTED,
                "no milk van on Thursdays — माफ़ करें", "Meera Desai", Times.minutesAfterMorningRun(12));

        assertThat(store().decide(rejected)).isTrue();

        assertThat(store().decisions(order.orderId())).containsExactly(rejected);
    }

    @Test
    void lists_the_decisions_in_the_order_they_were_made() {
        Order order = placeTwoDairyOrder();
        VendorDecision gokul = accepted(order.orderId(), "vendor-gokul", 10);
        VendorDecision anand = new VendorDecision(order.orderId(), "vendor-anand", Decision.REJECTED, "closed today",
                "Ravi Shah", Times.minutesAfterMorningRun(20));
        store().decide(gokul);
        store().decide(anand);
        store().decide(accepted(order.orderId(), "vendor-gokul", 30));

        assertThat(store().decisions(order.orderId())).containsExactly(gokul, anand);
    }

    @Test
    void of_eight_racing_decisions_of_one_vendor_exactly_one_is_kept() {
        Order order = placeTwoDairyOrder();

        List<Race.Outcome<Boolean>> outcomes = Race.run(8, racer -> store().decide(new VendorDecision(order.orderId(),
                "vendor-anand", racer % 2 == 0 ? Decision.ACCEPTED : Decision.REJECTED, "racer " + racer,
                "Worker " + racer, Times.minutesAfterMorningRun(10))));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(outcomes).filteredOn(o -> o.value()).hasSize(1);
        int winner = outcomes.indexOf(outcomes.stream().filter(Race.Outcome::value).findFirst().orElseThrow());
        assertThat(store().decisions(order.orderId())).singleElement()
                .satisfies(d -> assertThat(d.decidedBy()).isEqualTo("Worker " + winner));
    }

    @Test
    void shows_each_vendor_its_own_decision_on_its_lines() {
        Order order = placeTwoDairyOrder();
        store().decide(accepted(order.orderId(), "vendor-anand", 10));

        assertThat(vendorLines("vendor-anand")).extracting(VendorOrderLine::decision)
                .containsExactly(Optional.of(Decision.ACCEPTED));
        assertThat(vendorLines("vendor-gokul")).extracting(VendorOrderLine::decision)
                .containsExactly(Optional.empty());

        store().decide(new VendorDecision(order.orderId(), "vendor-gokul", Decision.REJECTED, "out of milk",
                "Meera Desai", Times.minutesAfterMorningRun(11)));

        assertThat(vendorLines("vendor-gokul")).singleElement().isEqualTo(new VendorOrderLine(order.orderId(),
                OrderStatus.PENDING, order.deliveryDate(), Orders.gokulMilk(3), order.deliveryAddress().city(),
                order.deliveryAddress().zipCode(), order.createdAt(), Optional.of(Decision.REJECTED)));
        assertThat(vendorLines("vendor-anand")).extracting(VendorOrderLine::decision)
                .containsExactly(Optional.of(Decision.ACCEPTED));
    }

    @Test
    void starts_the_workflow_run_with_the_order() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 10);
        Order order = Orders.ashasFirstOrder();
        Placement placement = Placements.firstWithRun(order, "key-asha-1");
        WorkflowRun run = placement.run().orElseThrow().run();

        placed(placement);

        assertThat(workflows().get(Placements.runId(order))).contains(run);
        assertThat(workflows().findBySubject(order.orderId())).contains(run);
        assertThat(workflows().events(run.runId())).extracting(RunEvent::seq, RunEvent::type)
                .containsExactly(tuple(1L, "RunStarted"), tuple(2L, "StateEntered"));
        assertThat(store().timeline(order.orderId())).extracting(OrderEvent::what).containsExactly("Placed");
    }

    @Test
    void a_placement_that_is_refused_starts_no_run() {
        stockUp(Orders.anandMilk(1), 3);
        placed(Placements.first(Orders.of("order-ravi", "user-ravi", List.of(Orders.anandMilk(1)), Times.MORNING_RUN),
                "key-ravi"));
        Order tooMuch = Orders.of("order-asha-much", "user-asha", List.of(Orders.anandMilk(5)), Times.MORNING_RUN);
        Order retry = Orders.of("order-ravi-retry", "user-ravi", List.of(Orders.anandMilk(1)), Times.MORNING_RUN);
        Order secondFirst = Orders.of("order-ravi-second", "user-ravi", List.of(Orders.anandMilk(1)), Times.MORNING_RUN);
        Order clash = Orders.of("order-ravi", "user-kiran", List.of(Orders.anandMilk(1)), Times.MORNING_RUN);

        assertThat(store().place(Placements.firstWithRun(tooMuch, "key-asha"))).isInstanceOf(PlaceResult.OutOfStock.class);
        assertThat(store().place(Placements.firstWithRun(retry, "key-ravi"))).isInstanceOf(PlaceResult.KeyUsed.class);
        assertThat(store().place(Placements.firstWithRun(secondFirst, "key-ravi-2")))
                .isInstanceOf(PlaceResult.StatsChanged.class);
        assertFailsWith("Conflict", () -> store().place(Placements.firstWithRun(clash, "key-kiran")));

        for (Order refused : List.of(tooMuch, retry, secondFirst, clash)) {
            assertThat(workflows().get(Placements.runId(refused))).as("run of %s", refused.orderId()).isEmpty();
        }
        assertThat(workflows().findBySubject("order-asha-much")).isEmpty();
        assertThat(workflows().findBySubject("order-ravi")).isEmpty();
        assertThat(level(Orders.anandMilk(1)).reserved()).isEqualTo(1);
    }

    @Test
    void a_placement_whose_run_cannot_start_places_nothing() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 10);
        Order order = Orders.ashasFirstOrder();
        WorkflowRun taken = Runs.forOrder(Placements.runId(order), "order-elsewhere", Times.MORNING_RUN);
        workflows().create(taken, List.of());

        assertThatThrownBy(() -> store().place(Placements.firstWithRun(order, "key-asha-1")))
                .isInstanceOf(ConcurrentModification.class);

        assertThat(store().get(order.orderId())).isEmpty();
        assertThat(store().timeline(order.orderId())).isEmpty();
        assertThat(store().findIdempotencyKey("user-asha", "key-asha-1")).isEmpty();
        assertThat(store().stats("user-asha")).isEqualTo(CustomerStats.none("user-asha"));
        assertThat(level(Orders.anandMilk(1)).reserved()).isZero();
        assertThat(level(Orders.anandPaneer(1)).reserved()).isZero();
        assertThat(workflows().get(taken.runId())).contains(taken);
        assertThat(store().place(Placements.first(order, "key-asha-1"))).isInstanceOf(PlaceResult.Placed.class);
    }

    @Test
    void stores_the_first_steps_done_ahead_with_the_order_in_one_unit() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 10);
        Order order = Orders.ashasFirstOrder();
        Placement placement = Placements.firstWithStepsAhead(order, "key-asha-1");
        Placement.FirstSteps steps = placement.firstSteps().orElseThrow();

        PlaceResult result = store().place(placement);

        assertThat(result).as("the answer is the order as placed").isEqualTo(new PlaceResult.Placed(withVersion(order, 1)));
        Order stored = store().get(order.orderId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(stored.version()).as("one status change after placing").isEqualTo(2);
        assertThat(stored).isEqualTo(withVersion(steps.after(), 2));
        assertThat(store().timeline(order.orderId())).extracting(OrderEvent::seq, OrderEvent::what, OrderEvent::status)
                .containsExactly(tuple(1L, "Placed", OrderStatus.PENDING), tuple(2L, "VendorsNotified", OrderStatus.PENDING),
                        tuple(3L, "Confirmed", OrderStatus.CONFIRMED));
        assertThat(notifications().listForUser("user-anand-owner", PageRequest.first(10)).items())
                .containsExactly(steps.messages().get(0));
        assertThat(notifications().listForUser(order.userId(), PageRequest.first(10)).items())
                .containsExactly(steps.messages().get(1));
        assertThat(notifications().email(steps.messages().get(1).notificationId())).contains(steps.emails().get(0));
        assertThat(notifications().email(steps.messages().get(0).notificationId())).isEmpty();
        assertThat(workflows().get(Placements.runId(order))).contains(placement.run().orElseThrow().run());
        assertThat(level(Orders.anandMilk(1)).reserved()).as("a confirmed order still holds its stock").isEqualTo(2);
    }

    @Test
    void a_refused_placement_stores_none_of_its_first_steps() {
        stockUp(Orders.anandMilk(1), 1);
        stockUp(Orders.anandPaneer(1), 10);
        Order order = Orders.ashasFirstOrder();
        Placement placement = Placements.firstWithStepsAhead(order, "key-asha-1");

        assertThat(store().place(placement)).isInstanceOf(PlaceResult.OutOfStock.class);

        assertThat(store().get(order.orderId())).isEmpty();
        assertThat(store().timeline(order.orderId())).isEmpty();
        assertThat(notifications().listRecent(Optional.empty(), PageRequest.first(10)).items()).isEmpty();
        assertThat(notifications().emails(Optional.empty(), PageRequest.first(10)).items()).isEmpty();
        assertThat(workflows().get(Placements.runId(order))).isEmpty();
    }

    @Test
    void a_placement_whose_message_was_sent_before_places_nothing() {
        stockUp(Orders.anandMilk(1), 10);
        stockUp(Orders.anandPaneer(1), 10);
        Order order = Orders.ashasFirstOrder();
        Placement placement = Placements.firstWithStepsAhead(order, "key-asha-1");
        Notification taken = placement.firstSteps().orElseThrow().messages().get(1);
        notifications().save(taken);

        assertThatThrownBy(() -> store().place(placement)).isInstanceOf(ConcurrentModification.class);

        assertThat(store().get(order.orderId())).isEmpty();
        assertThat(store().findIdempotencyKey("user-asha", "key-asha-1")).isEmpty();
        assertThat(store().stats("user-asha")).isEqualTo(CustomerStats.none("user-asha"));
        assertThat(level(Orders.anandMilk(1)).reserved()).isZero();
        assertThat(workflows().get(Placements.runId(order))).isEmpty();
        assertThat(notifications().listRecent(Optional.empty(), PageRequest.first(10)).items()).containsExactly(taken);
    }

    /**
     * Sixteen orders of Asha (odd n) and Kiran (even n) over three products from two dairies, some at the same
     * moment, for three delivery dates and two pincodes; some then confirmed or cancelled. Returns them as stored.
     */
    protected List<Order> placeMany() {
        List.of(Orders.anandMilk(1), Orders.anandPaneer(1), Orders.gokulLassi(1)).forEach(l -> stockUp(l, 1_000));
        List<Order> stored = new ArrayList<>();
        for (int n = 1; n <= 16; n++) {
            String userId = n % 2 == 1 ? "user-asha" : "user-kiran";
            long minute = n >= 5 && n <= 7 ? 5 : n == 12 || n == 13 ? 12 : n;
            List<OrderLine> lines = switch (n % 3) {
                case 0 -> List.of(Orders.anandMilk(1));
                case 1 -> List.of(Orders.gokulLassi(2));
                default -> List.of(Orders.anandMilk(2), Orders.gokulLassi(1), Orders.anandPaneer(1));
            };
            Order order = Orders.numbered(n, userId, lines, Orders.TOMORROW.plusDays((n / 2) % 3),
                    n % 4 == 0 ? Users.ashaOffice() : Users.ashaHome(), Times.minutesAfterMorningRun(minute));
            Order placed = placed(Placements.of(order, "key-" + order.orderId(),
                    store().stats(userId).orderCount(), 0));
            Instant later = Times.minutesAfterMorningRun(100 + n);
            if (n % 5 == 0) {
                placed = store().update(placed.moveTo(OrderStatus.CONFIRMED, later), StockEffect.NONE);
            } else if (n % 7 == 0) {
                placed = store().update(placed.moveTo(OrderStatus.CANCELLED, later), StockEffect.RELEASE);
            }
            stored.add(placed);
        }
        return stored;
    }

    private void assertListed(List<Order> all, OrderQuery query, Predicate<Order> matches) {
        List<Order> expected = all.stream().filter(matches).sorted(NEWEST_FIRST).toList();
        assertThat(expected).as("the query %s should match something", query).isNotEmpty();
        assertThat(Paging.walk(page -> store().list(query, page), 2)).as("%s", query).containsExactlyElementsOf(expected);
    }

    private void assertVendorLines(List<Order> all, String vendorId, Optional<LocalDate> date,
                                   Optional<OrderStatus> status) {
        List<VendorOrderLine> expected = all.stream()
                .filter(o -> date.map(o.deliveryDate()::equals).orElse(true))
                .filter(o -> status.map(s -> s == o.status()).orElse(true))
                .flatMap(o -> o.lines().stream().filter(l -> l.vendorId().equals(vendorId))
                        .map(l -> new VendorOrderLine(o.orderId(), o.status(), o.deliveryDate(), l,
                                o.deliveryAddress().city(), o.deliveryAddress().zipCode(), o.createdAt(),
                                Optional.empty())))
                .sorted(VENDOR_ORDER).toList();
        assertThat(expected).as("lines of %s %s %s", vendorId, date, status).isNotEmpty();
        assertThat(Paging.walk(page -> store().listForVendor(vendorId, date, status, page), 1))
                .as("lines of %s %s %s", vendorId, date, status).containsExactlyElementsOf(expected);
        assertThat(Paging.walk(page -> store().listForVendor(vendorId, date, status, page), 4))
                .as("lines of %s %s %s", vendorId, date, status).containsExactlyElementsOf(expected);
    }

    /** Asha's first order, 30 × paneer for ₹2,850.75, placed and delivered: she holds 28 points and one order. */
    private void earnTwentyEightPoints() {
        stockUp(Orders.anandPaneer(1), 30);
        Order big = placed(Placements.first(Orders.of("order-asha-big", "user-asha", List.of(Orders.anandPaneer(30)),
                Times.minutesAfterMorningRun(-600)), "key-asha-big"));
        Order confirmed = store().update(big.moveTo(OrderStatus.CONFIRMED, Times.MORNING_RUN), StockEffect.NONE);
        Order processing = store().update(confirmed.moveTo(OrderStatus.PROCESSING, Times.MORNING_RUN), StockEffect.NONE);
        Order out = store().update(processing.moveTo(OrderStatus.OUT_FOR_DELIVERY, Times.MORNING_RUN), StockEffect.NONE);
        store().update(out.moveTo(OrderStatus.DELIVERED, Times.MORNING_RUN), StockEffect.COMMIT);
        assertThat(store().stats("user-asha")).isEqualTo(new CustomerStats("user-asha", 1, 28));
    }

    /** Asha's order from Anand (2 × paneer) and Gokul (3 × milk), placed as a first order. */
    private Order placeTwoDairyOrder() {
        stockUp(Orders.anandPaneer(1), 10);
        stockUp(Orders.gokulMilk(1), 10);
        return placed(Placements.first(Orders.ashasTwoDairyOrder(), "key-asha-2"));
    }

    private List<VendorOrderLine> vendorLines(String vendorId) {
        return store().listForVendor(vendorId, Optional.empty(), Optional.empty(), PageRequest.first(100)).items();
    }

    private static VendorDecision accepted(String orderId, String vendorId, long minute) {
        return new VendorDecision(orderId, vendorId, VendorDecision.Decision.ACCEPTED, "", "Dairy staff",
                Times.minutesAfterMorningRun(minute));
    }

    private Order placed(Placement placement) {
        PlaceResult result = store().place(placement);
        assertThat(result).as("placing %s", placement.order().orderId()).isInstanceOf(PlaceResult.Placed.class);
        return ((PlaceResult.Placed) result).order();
    }

    /** {@code units} bottles of Anand's milk for {@code userId}, delivered on {@code date}. */
    private static Order milkFor(String userId, String orderId, LocalDate date, int units) {
        Order order = Orders.of(orderId, userId, List.of(Orders.anandMilk(units)), Times.MORNING_RUN);
        return new Order(order.orderId(), userId, order.lines(), order.pricing(), order.status(), date, order.deliveryAddress(),
                order.paymentMethod(), order.createdAt(), order.updatedAt(), 0);
    }

    private void stockUp(OrderLine line, int units) {
        stock().setStock(line.stockKey(), units);
    }

    private StockLevel level(OrderLine line) {
        return stock().get(line.stockKey()).orElse(StockLevel.none(line.stockKey()));
    }

    private static OrderQuery query(OrderStatus status, LocalDate deliveryDate, String vendorId, String pincode) {
        return new OrderQuery(Optional.ofNullable(status), Optional.ofNullable(deliveryDate), Optional.ofNullable(vendorId),
                Optional.ofNullable(pincode));
    }

    private static BigDecimal rupees(String amount) {
        return new BigDecimal(amount);
    }

    private static Order withVersion(Order o, long version) {
        return new Order(o.orderId(), o.userId(), o.lines(), o.pricing(), o.status(), o.deliveryDate(),
                o.deliveryAddress(), o.paymentMethod(), o.createdAt(), o.updatedAt(), version);
    }
}
