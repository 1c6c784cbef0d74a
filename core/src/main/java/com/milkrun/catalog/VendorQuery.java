package com.milkrun.catalog;

import java.util.Optional;

/** Filters for vendor lists: a status and a pincode the vendor must serve. */
public record VendorQuery(Optional<VendorStatus> status, Optional<String> pincode) {
    public static VendorQuery approved() {
        return new VendorQuery(Optional.of(VendorStatus.APPROVED), Optional.empty());
    }
}
