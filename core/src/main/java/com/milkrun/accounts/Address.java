package com.milkrun.accounts;

import java.util.Objects;

/**
 * A delivery address of a customer. {@code zipCode} keeps the seed's field name and holds an Indian 6-digit
 * pincode, which decides which vendors deliver there.
 */
public record Address(String addressId, String label, String line1, String line2, String city, String state,
                      String zipCode, boolean isDefault) {
    public Address {
        Objects.requireNonNull(addressId, "addressId");
        Objects.requireNonNull(line1, "line1");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(zipCode, "zipCode");
        label = label == null ? "" : label;
        line2 = line2 == null ? "" : line2;
    }

    public Address withDefault(boolean value) {
        return new Address(addressId, label, line1, line2, city, state, zipCode, value);
    }
}
