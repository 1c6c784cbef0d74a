package com.milkrun.usecases.orders;

import com.milkrun.testing.ManualClock;
import com.milkrun.access.Principal;
import com.milkrun.access.Role;
import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorStatus;
import com.milkrun.inventory.StockKey;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.Notifications;
import com.milkrun.orders.CancelOrder;
import com.milkrun.orders.DecideVendorLines;
import com.milkrun.orders.DeliveryWindow;
import com.milkrun.orders.FailOrder;
import com.milkrun.orders.OrderLimits;
import com.milkrun.orders.OrderNotices;
import com.milkrun.orders.OrderQueries;
import com.milkrun.orders.OrderRequest;
import com.milkrun.orders.PlaceOrder;
import com.milkrun.orders.PlacingReads;
import com.milkrun.shared.PageRequest;
import com.milkrun.stores.Stores;
import com.milkrun.store.memory.InMemoryStores;
import com.milkrun.testing.Products;
import com.milkrun.testing.Times;
import com.milkrun.testing.Users;
import com.milkrun.testing.Vendors;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Anand Dairy on the in-memory stores at 06:00 IST on 15 January 2025 ({@link Times#MORNING_RUN}): Ravi's approved
 * dairy sells organic milk (₹50) and malai paneer (₹90.50), 50 of each in stock, to Asha in Vadodara. The order use
 * cases are wired as the composition root wires them, with a workflow that only records what it is asked to do, a
 * clock the test moves, and the default limits of what one customer may hold per date.
 */
final class Dairy {
    static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    static final LocalDate TOMORROW = LocalDate.of(2025, 1, 16);
    static final Principal ASHA = new Principal("user-asha", "asha@example.com", "Asha Patel", Role.CUSTOMER);
    static final Principal RAVI = new Principal("user-ravi", "ravi@anand-dairy.example", "Ravi Shah", Role.VENDOR);
    static final Principal KIRAN = new Principal("user-kiran", "kiran@example.com", "Kiran Rao", Role.CUSTOMER);
    static final StockKey MILK = new StockKey("vendor-anand", "prod-organic-milk-500ml");
    static final StockKey PANEER = new StockKey("vendor-anand", "prod-malai-paneer-200g");

    final ManualClock clock = new ManualClock(Times.MORNING_RUN);
    final Stores stores = InMemoryStores.create();
    final RecordedProcessing processing = new RecordedProcessing();
    final DeliveryWindow window = DeliveryWindow.standard(KOLKATA);
    final OrderLimits limits;
    final PlaceOrder placing;
    final CancelOrder cancelling;
    final DecideVendorLines deciding;
    final FailOrder failing;
    final OrderQueries queries;

    Dairy() {
        this(OrderLimits.defaults());
    }

    Dairy(OrderLimits limits) {
        this.limits = limits;
        stores.users().create(Users.asha());
        stores.users().create(Users.ravi());
        stores.vendors().create(Vendors.anandDairy());
        stores.products().create(Products.organicMilk500ml("vendor-anand"));
        stores.products().create(Products.malaiPaneer200g("vendor-anand"));
        stores.stock().setStock(MILK, 50);
        stores.stock().setStock(PANEER, 50);
        Optional<OrderNotices> notices = Optional.of(new OrderNotices(
                new Notifications(stores.notifications(), Optional.empty(), clock), stores.users(), stores.vendors(), clock));
        placing = new PlaceOrder(stores.orders(), stores.placingReads(), stores.stock(), window,
                processing, limits, clock);
        cancelling = new CancelOrder(stores.orders(), stores.users(), window, processing, notices, clock);
        failing = new FailOrder(stores.orders(), clock);
        deciding = new DecideVendorLines(stores.orders(), stores.vendors(), failing, processing, notices, clock);
        queries = new OrderQueries(stores.orders(), stores.vendors(), window, clock);
    }

    /** Milk and paneer to Asha's home for {@code date}, cash on delivery. */
    /** Placing as {@link #placing} does, reading what it reads before it writes through {@code reads}. */
    PlaceOrder placingWith(PlacingReads reads) {
        return new PlaceOrder(stores.orders(), reads, stores.stock(), window, processing, limits, clock);
    }

    static OrderRequest milkAndPaneer(int milk, int paneer, LocalDate date) {
        return OrderRequest.of(List.of(OrderRequest.Item.of("prod-organic-milk-500ml", "vendor-anand", milk), OrderRequest.Item.of("prod-malai-paneer-200g",
                "vendor-anand", paneer)), date.toString(), "addr-asha-home");
    }

    int reserved(StockKey key) {
        return stores.stock().get(key).orElseThrow().reserved();
    }

    /** The subjects of the messages {@code userId} was sent, oldest first. */
    List<String> messagesTo(String userId) {
        return stores.notifications().listForUser(userId, PageRequest.firstPage()).items().stream()
                .map(Notification::subject).toList().reversed();
    }

    void disableAnand() {
        Vendor anand = stores.vendors().get("vendor-anand").orElseThrow();
        stores.vendors().update(anand.withStatus(VendorStatus.DISABLED, clock.instant()));
    }
}
