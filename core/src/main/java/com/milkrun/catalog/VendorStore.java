package com.milkrun.catalog;

import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.util.Optional;

/** Vendors. */
public interface VendorStore {
    /**
     * Stores a new vendor at version 1.
     *
     * @throws com.milkrun.shared.DomainException {@code VendorExists} (409) when the id is taken or the owner already has a vendor
     */
    Vendor create(Vendor vendor);

    Optional<Vendor> get(String vendorId);

    Optional<Vendor> findByOwner(String ownerUserId);

    /**
     * Replaces the vendor if the stored version equals {@code vendor.version()}.
     *
     * @throws com.milkrun.shared.ConcurrentModification when it does not
     */
    Vendor update(Vendor vendor);

    /** Lists vendors by name, then id. */
    Page<Vendor> list(VendorQuery query, PageRequest page);
}
