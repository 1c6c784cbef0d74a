package com.milkrun.accounts;
import com.milkrun.access.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A person with a MilkRun account: profile, role and delivery addresses.
 *
 * <p>Lifecycle: created unverified as a {@link Role#CUSTOMER} at registration; {@code emailVerified} once the
 * emailed code is confirmed; an admin may change the role or disable the account (a disabled user cannot sign in
 * and their tokens stop working at once). Each stored change bumps {@code version}; stores reject a write based on
 * a stale version.
 */
public record User(String userId, String email, String name, String phone, Role role, boolean emailVerified,
                   boolean disabled, List<Address> addresses, Instant createdAt, Instant updatedAt, long version) {
    public static final int MAX_ADDRESSES = 10;

    public User {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        phone = phone == null ? "" : phone;
        addresses = List.copyOf(addresses);
    }

    public static User registered(String userId, String email, String name, String phone, Instant now) {
        return new User(userId, email, name, phone, Role.CUSTOMER, false, false, List.of(), now, now, 0);
    }

    /**
     * What a customer still has to add before ordering, as the seed defines a complete profile: a delivery
     * address, a phone number and an email. Empty when the profile is complete.
     */
    public List<String> missingProfileFields() {
        List<String> missing = new ArrayList<>();
        if (addresses.isEmpty()) {
            missing.add("address");
        }
        if (phone.isBlank()) {
            missing.add("phone");
        }
        if (email.isBlank()) {
            missing.add("email");
        }
        return List.copyOf(missing);
    }

    public boolean isProfileComplete() {
        return missingProfileFields().isEmpty();
    }

    public Optional<Address> address(String addressId) {
        return addresses.stream().filter(a -> a.addressId().equals(addressId)).findFirst();
    }

    public User withProfile(String newName, String newPhone, Instant now) {
        return new User(userId, email, newName, newPhone, role, emailVerified, disabled, addresses, createdAt, now, version);
    }

    public User withRole(Role newRole, Instant now) {
        return new User(userId, email, name, phone, newRole, emailVerified, disabled, addresses, createdAt, now, version);
    }

    public User withEmailVerified(Instant now) {
        return new User(userId, email, name, phone, role, true, disabled, addresses, createdAt, now, version);
    }

    public User withDisabled(boolean value, Instant now) {
        return new User(userId, email, name, phone, role, emailVerified, value, addresses, createdAt, now, version);
    }

    /** Replaces the address list, keeping exactly one default when there is any address. */
    public User withAddresses(List<Address> newAddresses, Instant now) {
        List<Address> fixed = new ArrayList<>(newAddresses);
        if (!fixed.isEmpty() && fixed.stream().noneMatch(Address::isDefault)) {
            fixed.set(0, fixed.get(0).withDefault(true));
        }
        return new User(userId, email, name, phone, role, emailVerified, disabled, fixed, createdAt, now, version);
    }
}
