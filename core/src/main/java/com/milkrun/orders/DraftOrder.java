package com.milkrun.orders;

import com.milkrun.access.Principal;
import com.milkrun.accounts.RequestScopedUsers;
import com.milkrun.accounts.User;
import com.milkrun.catalog.Product;
import com.milkrun.catalog.Vendor;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import com.milkrun.shared.RequestScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first half of quoting and placing: the customer's profile must be complete, the address must be theirs, and
 * every line must be an active product of an approved dairy that delivers there; lines get the catalog's names and
 * prices of this moment. The customer, the catalog and the customer's stats are read together ({@link PlacingReads}),
 * and may be read ahead, with the request's authentication ({@link #readAhead}).
 */
final class DraftOrder {
    private final PlacingReads reads;

    DraftOrder(PlacingReads reads) {
        this.reads = reads;
    }

    /**
     * Reads what drafting {@code valid} for this customer will read, and has the current request remember it: the
     * customer's account for the user store ({@link RequestScopedUsers}), so that checking the caller's token finds it
     * there, and the rest for {@link #draft} of the same lines. Outside a request it reads nothing.
     */
    void readAhead(String customerId, ValidOrderRequest valid) {
        Optional<Map<Object, Object>> memory = RequestScope.memory();
        if (memory.isEmpty()) {
            return;
        }
        Ahead ahead = Ahead.of(customerId, valid);
        PlacingReads.Facts facts = ahead.read(reads);
        RequestScopedUsers.remember(customerId, facts.customer());
        memory.get().put(ahead, facts);
    }

    /**
     * Priced lines, the delivery address and the customer, checked against the catalog, with the lines' vendors and
     * their owners, and the customer's stats as read with the catalog.
     */
    record Draft(List<OrderLine> lines, DeliveryAddress address, User customer, List<Vendor> vendors,
                 PlacingReads.Owners owners, CustomerStats stats) {
        String customerName() {
            return customer.name();
        }
    }

    /**
     * @throws DomainException {@code UserNotFound}, {@code ProfileIncomplete}, {@code NotFound} (address),
     *         {@code ProductNotFound}, {@code NotDeliverable}
     */
    Draft draft(Principal caller, ValidOrderRequest valid) {
        Ahead ahead = Ahead.of(caller.userId(), valid);
        // what was read ahead is used once: a second draft in the same request reads again
        PlacingReads.Facts facts = RequestScope.memory().map(memory -> (PlacingReads.Facts) memory.remove(ahead))
                .orElseGet(() -> ahead.read(reads));
        User user = facts.customer().orElseThrow(() -> new DomainException(Failure.NOT_FOUND, "UserNotFound",
                "User profile not found"));
        List<String> missing = user.missingProfileFields();
        if (!missing.isEmpty()) {
            throw new DomainException(Failure.CONFLICT, "ProfileIncomplete", "Please complete your profile before placing an order",
                    new OrderProblem.ProfileIncomplete(missing));
        }
        DeliveryAddress address = user.address(valid.addressId()).map(DeliveryAddress::of)
                .orElseThrow(() -> DomainException.notFound("Address not found"));
        Map<String, Product> catalog = facts.products();
        Map<String, Vendor> vendorCache = new LinkedHashMap<>();
        List<OrderLine> lines = new ArrayList<>();
        List<OrderProblem.UnknownLine> unknown = new ArrayList<>();
        List<OrderProblem.UndeliverableLine> undeliverable = new ArrayList<>();
        for (ValidOrderRequest.Item item : valid.items()) {
            Optional<Vendor> vendor = Optional.ofNullable(vendorCache.computeIfAbsent(item.vendorId(),
                    id -> Optional.ofNullable(facts.vendors().get(id)).filter(Vendor::isApproved).orElse(null)));
            Optional<Product> product = Optional.ofNullable(catalog.get(item.productId()))
                    .filter(p -> p.active() && p.vendorId().equals(item.vendorId()) && vendor.isPresent());
            if (product.isEmpty()) {
                unknown.add(new OrderProblem.UnknownLine(item.productId(), item.vendorId()));
                continue;
            }
            if (!vendor.get().serves(address.zipCode())) {
                undeliverable.add(new OrderProblem.UndeliverableLine(item.productId(), item.vendorId(), vendor.get().name()));
                continue;
            }
            Product p = product.get();
            lines.add(OrderLine.priced(p.productId(), p.vendorId(), vendor.get().name(), p.name(), p.unit(), item.quantity(), p.price()));
        }
        if (!unknown.isEmpty()) {
            OrderProblem.UnknownLine first = unknown.get(0);
            throw new DomainException(Failure.INVALID, "ProductNotFound", "Product '" + first.productId()
                    + "' is not available from " + first.vendorId(), new OrderProblem.ProductNotFound(unknown));
        }
        if (!undeliverable.isEmpty()) {
            throw new DomainException(Failure.INVALID, "NotDeliverable", undeliverable.get(0).vendorName() + " does not deliver to "
                    + address.zipCode(), new OrderProblem.NotDeliverable(address.zipCode(), undeliverable));
        }
        return new Draft(lines, address, user, List.copyOf(vendorCache.values()), facts.owners(), facts.stats());
    }

    /** What drafting an order reads, by whom and for which lines; the key of what was read ahead. */
    private record Ahead(String customerId, List<String> productIds, List<String> vendorIds) {
        static Ahead of(String customerId, ValidOrderRequest valid) {
            return new Ahead(customerId, valid.items().stream().map(ValidOrderRequest.Item::productId).distinct().toList(),
                    valid.items().stream().map(ValidOrderRequest.Item::vendorId).distinct().toList());
        }

        PlacingReads.Facts read(PlacingReads reads) {
            return reads.read(customerId, productIds, vendorIds);
        }
    }
}
