package com.milkrun.access;

import java.util.Arrays;
import java.util.Optional;

/** What a user does on MilkRun. Customers are the default at sign-up; only an admin changes a role. */
public enum Role {
    CUSTOMER("Customer"),
    VENDOR("Vendor"),
    MANAGER("Manager"),
    ADMIN("Admin"),
    DELIVERY_AGENT("DeliveryAgent");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON, tokens ({@code cognito:groups}) and storage: {@code Customer}, {@code DeliveryAgent}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
    }
}
