package com.milkrun.store.memory;

import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorQuery;
import com.milkrun.catalog.VendorStatus;
import com.milkrun.catalog.VendorStore;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Vendors in a map, with an owner index; every method holds the store's lock. */
public final class InMemoryVendorStore implements VendorStore {
    private static final Keyset<Vendor> BY_NAME = Keyset.byName("vendors", Vendor::name, Vendor::vendorId);

    private final Map<String, Vendor> byId = new HashMap<>();
    private final Map<String, String> idByOwner = new HashMap<>();

    @Override
    public synchronized Vendor create(Vendor vendor) {
        if (byId.containsKey(vendor.vendorId()) || idByOwner.containsKey(vendor.ownerUserId())) {
            throw vendorExists();
        }
        Vendor stored = withVersion(vendor, 1);
        byId.put(stored.vendorId(), stored);
        idByOwner.put(stored.ownerUserId(), stored.vendorId());
        return stored;
    }

    @Override
    public synchronized Optional<Vendor> get(String vendorId) {
        return Optional.ofNullable(byId.get(vendorId));
    }

    @Override
    public synchronized Optional<Vendor> findByOwner(String ownerUserId) {
        return Optional.ofNullable(idByOwner.get(ownerUserId)).map(byId::get);
    }

    @Override
    public synchronized Vendor update(Vendor vendor) {
        Vendor current = byId.get(vendor.vendorId());
        if (current == null) {
            throw DomainException.notFound("Vendor not found");
        }
        if (current.version() != vendor.version()) {
            throw new ConcurrentModification("Vendor");
        }
        String owner = idByOwner.get(vendor.ownerUserId());
        if (owner != null && !owner.equals(vendor.vendorId())) {
            throw vendorExists();
        }
        Vendor stored = withVersion(vendor, vendor.version() + 1);
        idByOwner.remove(current.ownerUserId());
        idByOwner.put(stored.ownerUserId(), stored.vendorId());
        byId.put(stored.vendorId(), stored);
        return stored;
    }

    @Override
    public synchronized Page<Vendor> list(VendorQuery query, PageRequest page) {
        List<Vendor> matches = byId.values().stream()
                .filter(v -> query.status().map(s -> s == v.status()).orElse(true))
                .filter(v -> query.pincode().map(v::serves).orElse(true))
                .toList();
        String filter = "status=" + query.status().map(VendorStatus::wireName).orElse("")
                + "\npincode=" + query.pincode().orElse("");
        return BY_NAME.page(matches, filter, page);
    }

    private static Vendor withVersion(Vendor v, long version) {
        return new Vendor(v.vendorId(), v.ownerUserId(), v.name(), v.description(), v.contactEmail(), v.contactPhone(),
                v.pincodes(), v.status(), v.createdAt(), v.updatedAt(), version);
    }

    private static DomainException vendorExists() {
        return DomainException.conflict("VendorExists", "This user already has a vendor profile");
    }
}
