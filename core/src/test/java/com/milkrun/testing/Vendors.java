package com.milkrun.testing;

import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorStatus;
import java.time.Instant;
import java.util.List;

/** Object Mother of dairies selling on MilkRun. */
public final class Vendors {
    private Vendors() {
    }

    /** Ravi's approved dairy, delivering in three Vadodara pincodes; not yet stored (version 0). */
    public static Vendor anandDairy() {
        return new Vendor("vendor-anand", "user-ravi", "Anand Dairy", "Fresh milk from Anand since 1962",
                "orders@anand-dairy.example", "+912652345678", List.of("390005", "390001", "390007"),
                VendorStatus.APPROVED, Times.MORNING_RUN, Times.minutesAfterMorningRun(10), 0);
    }

    /** A dairy still waiting for approval, serving one pincode. */
    public static Vendor gokulDairy() {
        return new Vendor("vendor-gokul", "user-gokul-owner", "Gokul Dairy", "", "", "", List.of("390001"),
                VendorStatus.PENDING, Times.minutesAfterMorningRun(1), Times.minutesAfterMorningRun(1), 0);
    }

    /** One of many vendors for list tests, named {@code name} and owned by {@code owner-<id>}. */
    public static Vendor named(String vendorId, String name, VendorStatus status, List<String> pincodes, Instant at) {
        return new Vendor(vendorId, "owner-" + vendorId, name, "", "", "", pincodes, status, at, at, 0);
    }
}
