package com.milkrun.accounts;

import com.milkrun.access.Principal;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Ids;
import com.milkrun.shared.Retry;
import com.milkrun.shared.Validation;
import com.milkrun.shared.ValidationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A signed-in user's own account: their profile and their address book. Every call acts on the caller only. */
public final class MyAccount {
    private final UserStore users;
    private final Clock clock;

    public MyAccount(UserStore users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    public User me(Principal caller) {
        return users.get(caller.userId()).orElseThrow(() -> DomainException.notFound("User not found"));
    }

    public User updateProfile(Principal caller, ProfileChange change) {
        Validation check = new Validation();
        String cleanName = change.name() == null ? null : check.text("name", change.name(), 100, "Name");
        String cleanPhone = change.phone() == null ? null : check.optionalPhone("phone", change.phone());
        check.throwIfInvalid();
        return Retry.onConflict(() -> {
            User current = me(caller);
            return users.update(current.withProfile(cleanName == null ? current.name() : cleanName,
                    cleanPhone == null ? current.phone() : cleanPhone, clock.instant()));
        });
    }

    public List<Address> addresses(Principal caller) {
        return me(caller).addresses();
    }

    public Address address(Principal caller, String addressId) {
        return me(caller).address(addressId).orElseThrow(MyAccount::addressNotFound);
    }

    /** @throws DomainException 409 {@code TooManyAddresses} beyond {@link User#MAX_ADDRESSES} */
    public Address addAddress(Principal caller, AddressInput input) {
        String addressId = Ids.newId("addr");
        Address address = validAddress(addressId, input);
        User saved = Retry.onConflict(() -> {
            User current = me(caller);
            if (current.addresses().size() >= User.MAX_ADDRESSES) {
                throw DomainException.conflict("TooManyAddresses", "You can keep at most " + User.MAX_ADDRESSES + " addresses");
            }
            List<Address> next = new ArrayList<>(current.addresses());
            next.add(address);
            return users.update(current.withAddresses(withSingleDefault(next, address), clock.instant()));
        });
        return saved.address(addressId).orElseThrow();
    }

    public Address replaceAddress(Principal caller, String addressId, AddressInput input) {
        Address address = validAddress(addressId, input);
        User saved = Retry.onConflict(() -> {
            User current = me(caller);
            if (current.address(addressId).isEmpty()) {
                throw addressNotFound();
            }
            List<Address> next = current.addresses().stream().map(a -> a.addressId().equals(addressId) ? address : a).toList();
            return users.update(current.withAddresses(withSingleDefault(next, address), clock.instant()));
        });
        return saved.address(addressId).orElseThrow();
    }

    public void deleteAddress(Principal caller, String addressId) {
        Retry.onConflict(() -> {
            User current = me(caller);
            if (current.address(addressId).isEmpty()) {
                throw addressNotFound();
            }
            List<Address> next = current.addresses().stream().filter(a -> !a.addressId().equals(addressId)).toList();
            return users.update(current.withAddresses(next, clock.instant()));
        });
    }

    private static Address validAddress(String addressId, AddressInput input) {
        if (input == null) {
            throw ValidationException.of("body", "Address is required", "MISSING_ADDRESS");
        }
        Validation check = new Validation();
        String label = check.optionalText("label", input.label(), 40, "Label");
        String line1 = check.text("line1", input.line1(), 200, "Address line 1");
        String line2 = check.optionalText("line2", input.line2(), 200, "Address line 2");
        String city = check.text("city", input.city(), 100, "City");
        String state = check.text("state", input.state(), 100, "State");
        String zip = check.pincode("zipCode", input.zipCode());
        check.throwIfInvalid();
        return new Address(addressId, label, line1, line2, city, state, zip, Boolean.TRUE.equals(input.isDefault()));
    }

    private static List<Address> withSingleDefault(List<Address> addresses, Address changed) {
        if (!changed.isDefault()) {
            return addresses;
        }
        return addresses.stream().map(a -> a.withDefault(a.addressId().equals(changed.addressId()))).toList();
    }

    private static DomainException addressNotFound() {
        return DomainException.notFound("Address not found");
    }
}
