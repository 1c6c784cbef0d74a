package com.milkrun.store.sql.orders;

import com.milkrun.accounts.User;
import com.milkrun.catalog.Product;
import com.milkrun.catalog.Vendor;
import com.milkrun.orders.CustomerStats;
import com.milkrun.orders.PlacingReads;
import com.milkrun.store.sql.Jdbc;
import com.milkrun.store.sql.accounts.SqlUserStore;
import com.milkrun.store.sql.catalog.SqlProductStore;
import com.milkrun.store.sql.catalog.SqlVendorStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What placing an order reads before it writes, as the stores' own queries sent together ({@link Jdbc#queryAll}): on
 * PostgreSQL the customer's account, the products, the dairies, their owners and the customer's stats cost one round
 * trip, and the owners are found by the dairies' ids in the same query rather than after the dairies are read.
 */
public final class SqlPlacingReads implements PlacingReads {
    private final Jdbc jdbc;
    private final SqlProductStore products;
    private final SqlVendorStore vendors;
    private final SqlUserStore users;
    private final SqlOrderStore orders;

    public SqlPlacingReads(Jdbc jdbc, SqlProductStore products, SqlVendorStore vendors, SqlUserStore users,
                           SqlOrderStore orders) {
        this.jdbc = jdbc;
        this.products = products;
        this.vendors = vendors;
        this.users = users;
        this.orders = orders;
    }

    @Override
    public Facts read(String customerId, Collection<String> productIds, Collection<String> vendorIds) {
        Jdbc.Read<Optional<User>> customer = users.read(customerId);
        Jdbc.Read<CustomerStats> stats = orders.readStats(customerId);
        List<Jdbc.Read<?>> reads = new ArrayList<>(List.of(customer, stats));
        Jdbc.Read<Map<String, Product>> productRead = productIds.isEmpty() ? null : products.readAll(productIds);
        Jdbc.Read<Map<String, Vendor>> vendorRead = vendorIds.isEmpty() ? null : vendors.readAll(vendorIds);
        Jdbc.Read<Map<String, User>> ownerRead = vendorIds.isEmpty() ? null : users.readOwnersOf(vendorIds);
        for (Jdbc.Read<?> read : new Jdbc.Read<?>[] {productRead, vendorRead, ownerRead}) {
            if (read != null) {
                reads.add(read);
            }
        }
        Jdbc.Results results = jdbc.queryAll(reads);
        Map<String, User> owners = ownerRead == null ? Map.of() : results.of(ownerRead);
        return new Facts(results.of(customer), productRead == null ? Map.of() : results.of(productRead),
                vendorRead == null ? Map.of() : results.of(vendorRead), results.of(stats),
                vendor -> Optional.ofNullable(owners.get(vendor.ownerUserId())));
    }
}
