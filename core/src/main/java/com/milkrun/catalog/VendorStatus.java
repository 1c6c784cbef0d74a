package com.milkrun.catalog;

import java.util.Arrays;
import java.util.Optional;

/** A vendor starts {@code Pending}; an admin approves it (its products become visible) or disables it. */
public enum VendorStatus {
    PENDING("Pending"),
    APPROVED("Approved"),
    DISABLED("Disabled");

    private final String wireName;

    VendorStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<VendorStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
