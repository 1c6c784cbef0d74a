package com.milkrun.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A dairy that sells on MilkRun, owned by one user with the Vendor role.
 *
 * <p>Lifecycle: created {@link VendorStatus#PENDING} by its owner; an admin approves it, after which its active
 * products are listed; an admin may disable it, which hides them again and stops new products.
 */
public record Vendor(String vendorId, String ownerUserId, String name, String description, String contactEmail,
                     String contactPhone, List<String> pincodes, VendorStatus status, Instant createdAt,
                     Instant updatedAt, long version) {
    public Vendor {
        Objects.requireNonNull(vendorId, "vendorId");
        Objects.requireNonNull(ownerUserId, "ownerUserId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        description = description == null ? "" : description;
        contactEmail = contactEmail == null ? "" : contactEmail;
        contactPhone = contactPhone == null ? "" : contactPhone;
        pincodes = List.copyOf(pincodes);
    }

    public boolean isApproved() {
        return status == VendorStatus.APPROVED;
    }

    public boolean serves(String pincode) {
        return pincodes.contains(pincode);
    }

    public Vendor withDetails(String newName, String newDescription, String email, String phone, List<String> newPincodes,
                              Instant now) {
        return new Vendor(vendorId, ownerUserId, newName, newDescription, email, phone, newPincodes, status, createdAt, now, version);
    }

    public Vendor withStatus(VendorStatus newStatus, Instant now) {
        return new Vendor(vendorId, ownerUserId, name, description, contactEmail, contactPhone, pincodes, newStatus, createdAt, now, version);
    }
}
