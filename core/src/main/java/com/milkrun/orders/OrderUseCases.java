package com.milkrun.orders;

import com.milkrun.accounts.UserStore;
import com.milkrun.catalog.VendorStore;
import com.milkrun.inventory.StockStore;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** The orders capability's use cases, wired once by the composition root and handed to the API's order routes. */
public record OrderUseCases(PlaceOrder placing, CancelOrder cancelling, DecideVendorLines deciding, OrderQueries queries,
                            ResumeStalledOrders resuming) {
    public OrderUseCases {
        Objects.requireNonNull(placing, "placing");
        Objects.requireNonNull(cancelling, "cancelling");
        Objects.requireNonNull(deciding, "deciding");
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(resuming, "resuming");
    }

    /**
     * Every use case on the same stores, workflow and clock.
     *
     * @param reads   what placing reads before it writes, together where the store can
     * @param limits  what one customer may hold for one delivery date
     * @param notices what customers and dairies are told; empty to tell nobody (tests of the order rules alone)
     */
    public static OrderUseCases of(OrderStore orders, UserStore users, PlacingReads reads, VendorStore vendors,
                                   StockStore stock, DeliveryWindow window, OrderLimits limits, OrderProcessing processing,
                                   Optional<OrderNotices> notices, Clock clock) {
        return new OrderUseCases(
                new PlaceOrder(orders, reads, stock, window, processing, limits, clock),
                new CancelOrder(orders, users, window, processing, notices, clock),
                new DecideVendorLines(orders, vendors, new FailOrder(orders, clock), processing, notices, clock),
                new OrderQueries(orders, vendors, window, clock),
                new ResumeStalledOrders(orders, processing, clock));
    }
}
