package com.milkrun.orders;

import com.milkrun.accounts.User;
import com.milkrun.accounts.UserStore;
import com.milkrun.catalog.Product;
import com.milkrun.catalog.ProductStore;
import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What quoting and placing an order read before they write: the customer's account (profile and addresses), the
 * products of its lines, their dairies and the dairies' owners (the new order's messages go to them), and the
 * customer's stats (they price the order). A store that can reads all of it in one round trip; {@link #apart} reads
 * each part from its own store.
 */
@FunctionalInterface
public interface PlacingReads {
    /**
     * The customer's account (empty when there is none), the products of these ids and the dairies of these ids that
     * exist (others are left out), the customer's stats ({@link CustomerStats#none} before the first order) and the
     * dairies' owners.
     */
    Facts read(String customerId, Collection<String> productIds, Collection<String> vendorIds);

    /** Who owns a dairy: the account its owner signs in with, if there is one. */
    @FunctionalInterface
    interface Owners {
        Optional<User> of(Vendor vendor);
    }

    /** What {@link #read} found. */
    record Facts(Optional<User> customer, Map<String, Product> products, Map<String, Vendor> vendors,
                 CustomerStats stats, Owners owners) {
        public Facts {
            products = Map.copyOf(products);
            vendors = Map.copyOf(vendors);
        }
    }

    /** Each part from its own store, one read each; a dairy's owner is read when asked for. */
    static PlacingReads apart(ProductStore products, VendorStore vendors, UserStore users, OrderStore orders) {
        return (customerId, productIds, vendorIds) -> {
            Map<String, Vendor> found = new LinkedHashMap<>();
            for (String vendorId : vendorIds) {
                vendors.get(vendorId).ifPresent(vendor -> found.put(vendorId, vendor));
            }
            return new Facts(users.get(customerId), productIds.isEmpty() ? Map.of() : products.getAll(productIds), found,
                    orders.stats(customerId), vendor -> users.get(vendor.ownerUserId()));
        };
    }
}
