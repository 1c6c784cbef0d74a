package com.milkrun.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.milkrun.access.Principal;
import com.milkrun.accounts.Address;
import com.milkrun.accounts.AddressInput;
import com.milkrun.accounts.MyAccount;
import com.milkrun.accounts.ProfileChange;
import com.milkrun.accounts.User;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.FieldError;
import com.milkrun.shared.ValidationException;
import com.milkrun.testing.Users;
import org.junit.jupiter.api.Test;

class MyAccountTest {
    private final Platform platform = new Platform();
    private final MyAccount account = new MyAccount(platform.stores.users(), platform.clock);
    private final Principal asha = Platform.signedIn(platform.stored(Users.asha()));

    @Test
    void changes_only_the_profile_fields_given() {
        User changed = account.updateProfile(asha, new ProfileChange(null, "+919800011122"));

        assertThat(changed.name()).isEqualTo("Asha Patel");
        assertThat(changed.phone()).isEqualTo("+919800011122");
    }

    @Test
    void a_new_default_address_takes_the_default_from_the_old_one() {
        Address added = account.addAddress(asha, new AddressInput("Parents", "7 Race Course Road", null, "Vadodara",
                "Gujarat", "390007", true));

        assertThat(account.addresses(asha)).extracting(Address::addressId, Address::isDefault).containsExactly(
                tuple("addr-asha-home", false),
                tuple("addr-asha-office", false),
                tuple(added.addressId(), true));
    }

    @Test
    void lists_every_wrong_address_field_and_stores_nothing() {
        assertThatThrownBy(() -> account.addAddress(asha, new AddressInput(null, "", null, "Vadodara", null, "3900", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("line1", "state", "zipCode"));
        assertThat(account.addresses(asha)).hasSize(2);
    }

    @Test
    void keeps_at_most_ten_addresses() {
        for (int i = 3; i <= User.MAX_ADDRESSES; i++) {
            account.addAddress(asha, new AddressInput("Flat " + i, i + " Alkapuri", null, "Vadodara", "Gujarat", "390007", false));
        }

        assertThatThrownBy(() -> account.addAddress(asha, new AddressInput("One more", "1 Alkapuri", null, "Vadodara",
                "Gujarat", "390007", false)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("TooManyAddresses"));
    }

    @Test
    void someone_elses_or_an_unknown_address_is_not_found() {
        Principal ravi = Platform.signedIn(platform.stored(Users.ravi()));

        assertThatThrownBy(() -> account.address(ravi, "addr-asha-home"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("NotFound"));
        assertThatThrownBy(() -> account.deleteAddress(ravi, "addr-asha-home"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("NotFound"));
        assertThat(account.addresses(asha)).hasSize(2);
    }
}
