package com.milkrun.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.access.Principal;
import com.milkrun.access.Role;
import com.milkrun.backoffice.UserAdministration;
import com.milkrun.catalog.VendorStatus;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.ValidationException;
import com.milkrun.testing.Users;
import com.milkrun.testing.Vendors;
import org.junit.jupiter.api.Test;

class UserAdministrationTest {
    private static final Principal ADMIN = new Principal("user-admin", "admin@milkrun.example", "Admin", Role.ADMIN);

    private final Platform platform = new Platform();
    private final UserAdministration users = new UserAdministration(platform.stores.users(), platform.stores.vendors(),
            platform.identity, platform.notifications, platform.clock);

    @Test
    void demoting_a_vendor_owner_disables_their_vendor_and_tells_them_both() {
        platform.stored(Users.ravi());
        platform.stored(Vendors.anandDairy());

        assertThat(users.changeRole(ADMIN, "user-ravi", "Customer").role()).isEqualTo(Role.CUSTOMER);

        assertThat(platform.identity.calls).as("the identity's role groups follow").contains("roleChanged user-ravi Customer");

        assertThat(anandStatus()).isEqualTo(VendorStatus.DISABLED);
        assertThat(platform.inboxSubjects("user-ravi"))
                .contains("Your MilkRun role has changed", "Your MilkRun vendor profile is disabled");
    }

    @Test
    void promoting_the_owner_back_to_vendor_leaves_their_vendor_disabled_until_an_admin_approves_it() {
        platform.stored(Users.ravi());
        platform.stored(Vendors.anandDairy());
        users.changeRole(ADMIN, "user-ravi", "Customer");

        users.changeRole(ADMIN, "user-ravi", "Vendor");

        assertThat(anandStatus()).isEqualTo(VendorStatus.DISABLED);
    }

    @Test
    void moving_a_vendor_owner_to_another_back_office_role_also_stops_their_vendor() {
        platform.stored(Users.ravi());
        platform.stored(Vendors.anandDairy());

        users.changeRole(ADMIN, "user-ravi", "Manager");

        assertThat(anandStatus()).isEqualTo(VendorStatus.DISABLED);
    }

    @Test
    void disabling_a_vendor_owner_disables_their_vendor_and_signs_them_out_everywhere() {
        platform.stored(Users.ravi());
        platform.stored(Vendors.anandDairy());

        assertThat(users.setDisabled(ADMIN, "user-ravi", true).disabled()).isTrue();

        assertThat(anandStatus()).isEqualTo(VendorStatus.DISABLED);
        assertThat(platform.identity.calls).contains("signOutEverywhere user-ravi");
    }

    @Test
    void enabling_the_owner_again_leaves_their_vendor_disabled() {
        platform.stored(Users.ravi());
        platform.stored(Vendors.anandDairy());
        users.setDisabled(ADMIN, "user-ravi", true);

        assertThat(users.setDisabled(ADMIN, "user-ravi", false).disabled()).isFalse();

        assertThat(anandStatus()).isEqualTo(VendorStatus.DISABLED);
    }

    @Test
    void changing_the_role_of_a_customer_touches_no_vendor() {
        platform.stored(Users.asha());
        platform.stored(Vendors.anandDairy());

        users.changeRole(ADMIN, "user-asha", "DeliveryAgent");

        assertThat(anandStatus()).isEqualTo(VendorStatus.APPROVED);
    }

    @Test
    void an_admin_can_neither_change_their_own_role_nor_disable_themselves() {
        platform.stored(Users.asha());

        assertThatThrownBy(() -> users.changeRole(ADMIN, "user-admin", "Customer"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("CannotChangeOwnAccount"));
        assertThatThrownBy(() -> users.setDisabled(ADMIN, "user-admin", true))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("CannotChangeOwnAccount"));
    }

    @Test
    void refuses_an_unknown_role_and_an_unknown_user() {
        assertThatThrownBy(() -> users.changeRole(ADMIN, "user-asha", "Emperor")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> users.changeRole(ADMIN, "user-nobody", "Customer"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("NotFound"));
    }

    @Test
    void a_manager_cannot_administer_users() {
        Principal manager = new Principal("user-manager", "manager@milkrun.example", "Manager", Role.MANAGER);
        platform.stored(Users.ravi());
        platform.stored(Vendors.anandDairy());

        assertThatThrownBy(() -> users.setDisabled(manager, "user-ravi", true))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("Forbidden"));
        assertThat(anandStatus()).isEqualTo(VendorStatus.APPROVED);
        assertThat(platform.stores.users().get("user-ravi").orElseThrow().disabled()).isFalse();
    }

    private VendorStatus anandStatus() {
        return platform.stores.vendors().get("vendor-anand").orElseThrow().status();
    }
}
