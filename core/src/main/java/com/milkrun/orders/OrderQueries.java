package com.milkrun.orders;

import com.milkrun.access.Access;
import com.milkrun.access.Capability;
import com.milkrun.access.Principal;
import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorStore;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Reading orders: a customer's own orders and one order with its timeline, a dairy's order lines, the back office's
 * list of all orders, and the customer's stats. Someone else's order answers 404, as if it did not exist.
 */
public final class OrderQueries {
    private final OrderStore orders;
    private final VendorStore vendors;
    private final DeliveryWindow window;
    private final Clock clock;

    public OrderQueries(OrderStore orders, VendorStore vendors, DeliveryWindow window, Clock clock) {
        this.orders = orders;
        this.vendors = vendors;
        this.window = window;
        this.clock = clock;
    }

    /** The delivery window the orders' dates and deadlines follow. */
    public DeliveryWindow window() {
        return window;
    }

    /** An order the caller may see: their own, or any order for managers and admins. Others answer 404. */
    public Order get(Principal caller, String orderId) {
        return visible(orders, caller, orderId);
    }

    /** The order with its timeline and its vendors' decisions; the same visibility as {@link #get}. */
    public OrderDetails details(Principal caller, String orderId) {
        Order order = get(caller, orderId);
        return new OrderDetails(order, orders.timeline(orderId), orders.decisions(orderId));
    }

    /** The caller's own orders, newest first. */
    public Page<Order> mine(Principal caller, PageRequest page) {
        return orders.listForUser(caller.userId(), page);
    }

    /** Whether the order can still be cancelled now. */
    public boolean canCancel(Order order) {
        return CancelOrder.allowed(order, window, clock.instant());
    }

    /** The caller's order count and loyalty points. */
    public CustomerStats stats(Principal caller) {
        return orders.stats(caller.userId());
    }

    /** The lines of the caller's dairy, newest order first, optionally for one delivery date and status. */
    public Page<VendorOrderLine> vendorLines(Principal caller, Optional<LocalDate> deliveryDate, Optional<OrderStatus> status,
                                             PageRequest page) {
        Access.require(caller, Capability.SELL);
        Vendor vendor = vendors.findByOwner(caller.userId()).orElseThrow(() -> DomainException.notFound("Vendor profile not found"));
        return orders.listForVendor(vendor.vendorId(), deliveryDate, status, page);
    }

    /** Every order matching the query, for the back office. */
    public Page<Order> all(Principal caller, OrderQuery query, PageRequest page) {
        Access.require(caller, Capability.READ_ALL_ORDERS);
        return orders.list(query, page);
    }

    static Order visible(OrderStore orders, Principal caller, String orderId) {
        Order order = orders.get(orderId).orElseThrow(OrderQueries::notFound);
        if (!order.userId().equals(caller.userId()) && !Capability.READ_ALL_ORDERS.allows(caller.role())) {
            throw notFound();
        }
        return order;
    }

    static DomainException notFound() {
        return DomainException.notFound("Order not found");
    }
}
