package com.milkrun.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.access.Role;
import com.milkrun.accounts.User;
import com.milkrun.catalog.Category;
import com.milkrun.catalog.Product;
import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorStatus;
import com.milkrun.orders.CustomerStats;
import com.milkrun.orders.Order;
import com.milkrun.orders.PlaceResult;
import com.milkrun.orders.PlacingReads;
import com.milkrun.stores.Stores;
import com.milkrun.testing.Orders;
import com.milkrun.testing.Placements;
import com.milkrun.testing.Products;
import com.milkrun.testing.Times;
import com.milkrun.testing.Users;
import com.milkrun.testing.Vendors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PlacingReads}: what placing an order reads before it writes is exactly what the catalog,
 * user and order stores hold, whether a store reads it together or part by part. Every test works on ids of its own,
 * so the stores may be shared by the tests of one class.
 */
public abstract class PlacingReadsContract {
    private static final AtomicInteger NEXT = new AtomicInteger();

    /** The stores to read from, all of one technology; {@link Stores#placingReads} is the subject. */
    protected abstract Stores stores();

    @Test
    void reads_the_products_and_dairies_exactly_as_their_stores_hold_them() {
        String run = "r" + NEXT.incrementAndGet();
        List<String> vendorIds = new ArrayList<>();
        List<String> productIds = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            Vendor vendor = dairy(run + "-dairy-" + v, v == 3 ? VendorStatus.PENDING : VendorStatus.APPROVED,
                    List.of("3900" + (10 + v), "390001", "3900" + (20 + v)));
            vendorIds.add(vendor.vendorId());
            for (int p = 0; p < 3; p++) {
                productIds.add(stores().products().create(Products.named(run + "-product-" + v + "-" + p, vendor.vendorId(),
                        "Milk " + v + "." + p, Category.MILK, p != 2)).productId());
            }
        }

        PlacingReads.Facts facts = stores().placingReads().read("user-" + run, productIds, vendorIds);

        assertThat(facts.products()).isEqualTo(stores().products().getAll(productIds));
        assertThat(facts.products()).hasSize(12);
        Map<String, Vendor> expected = new LinkedHashMap<>();
        vendorIds.forEach(id -> expected.put(id, stores().vendors().get(id).orElseThrow()));
        assertThat(facts.vendors()).isEqualTo(expected);
        assertThat(facts.vendors().get(vendorIds.get(0)).pincodes()).containsExactly("390010", "390001", "390020");
        assertThat(facts.vendors().get(vendorIds.get(3)).status()).isEqualTo(VendorStatus.PENDING);
    }

    @Test
    void reads_the_customers_account_as_the_user_store_holds_it_and_none_for_an_unknown_customer() {
        String run = "r" + NEXT.incrementAndGet();
        Vendor vendor = dairy(run + "-dairy", VendorStatus.APPROVED, List.of("390001"));
        Product milk = stores().products().create(Products.named(run + "-milk", vendor.vendorId(), "Milk", Category.MILK, true));
        User asha = Users.asha();
        User customer = stores().users().create(new User("user-" + run, run + "@example.com", asha.name(), asha.phone(),
                asha.role(), true, false, asha.addresses(), Times.MORNING_RUN, Times.MORNING_RUN, 0));

        PlacingReads.Facts facts = stores().placingReads().read(customer.userId(), List.of(milk.productId()),
                List.of(vendor.vendorId()));

        assertThat(facts.customer()).isEqualTo(stores().users().get(customer.userId()));
        assertThat(facts.customer().orElseThrow().addresses()).isEqualTo(customer.addresses()).isNotEmpty();
        assertThat(stores().placingReads().read("user-" + run + "-nobody", List.of(milk.productId()),
                List.of(vendor.vendorId())).customer()).isEmpty();
    }

    @Test
    void leaves_out_products_and_dairies_that_do_not_exist() {
        String run = "r" + NEXT.incrementAndGet();
        Vendor vendor = dairy(run + "-dairy", VendorStatus.APPROVED, List.of("390001"));
        Product milk = stores().products().create(Products.named(run + "-milk", vendor.vendorId(), "Milk", Category.MILK, true));

        PlacingReads.Facts facts = stores().placingReads().read("user-" + run,
                List.of(milk.productId(), run + "-no-such-product"), List.of(vendor.vendorId(), run + "-no-such-dairy"));

        assertThat(facts.products()).containsOnlyKeys(milk.productId());
        assertThat(facts.vendors()).containsOnlyKeys(vendor.vendorId());
    }

    @Test
    void finds_each_dairys_owner_and_none_for_a_dairy_whose_owner_has_no_account() {
        String run = "r" + NEXT.incrementAndGet();
        Vendor owned = dairy(run + "-owned", VendorStatus.APPROVED, List.of("390001"));
        User owner = stores().users().create(new User(owned.ownerUserId(), run + "-owner@example.com", "Owner " + run,
                "", Role.VENDOR, true, false, List.of(), Times.MORNING_RUN, Times.MORNING_RUN, 0));
        Vendor orphan = dairy(run + "-orphan", VendorStatus.APPROVED, List.of("390001"));
        Product milk = stores().products().create(Products.named(run + "-milk", owned.vendorId(), "Milk", Category.MILK, true));

        PlacingReads.Facts facts = stores().placingReads().read("user-" + run, List.of(milk.productId()),
                List.of(owned.vendorId(), orphan.vendorId()));

        assertThat(facts.owners().of(facts.vendors().get(owned.vendorId())))
                .contains(stores().users().get(owner.userId()).orElseThrow());
        assertThat(facts.owners().of(facts.vendors().get(orphan.vendorId()))).isEmpty();
    }

    @Test
    void the_customers_stats_are_none_before_the_first_order_and_count_it_after() {
        Order order = Orders.ashasFirstOrder();
        String customer = order.userId();
        List<String> productIds = order.lines().stream().map(l -> l.productId()).distinct().toList();
        List<String> vendorIds = order.lines().stream().map(l -> l.vendorId()).distinct().toList();

        assertThat(stores().placingReads().read(customer, productIds, vendorIds).stats())
                .isEqualTo(CustomerStats.none(customer));

        order.lines().forEach(line -> stores().stock().setStock(line.stockKey(), 10));
        assertThat(stores().orders().place(Placements.first(order, "key-placing-reads"))).isInstanceOf(PlaceResult.Placed.class);

        CustomerStats stats = stores().placingReads().read(customer, productIds, vendorIds).stats();
        assertThat(stats).isEqualTo(stores().orders().stats(customer));
        assertThat(stats.orderCount()).isEqualTo(1);
        assertThat(stores().placingReads().read(Users.ravi().userId(), productIds, vendorIds).stats())
                .isEqualTo(CustomerStats.none(Users.ravi().userId()));
    }

    private Vendor dairy(String vendorId, VendorStatus status, List<String> pincodes) {
        return stores().vendors().create(Vendors.named(vendorId, "Dairy " + vendorId, status, pincodes, Times.MORNING_RUN));
    }
}
