package com.milkrun.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserTest {
    private static final Instant NOW = Instant.parse("2026-11-25T04:30:00Z");
    private static final Address HOME = new Address("addr-home", "Home", "123 Main Street", "", "Vadodara", "Gujarat", "390001", false);

    @Test
    void a_new_customer_lacks_an_address_and_a_phone() {
        User asha = User.registered("user-1", "asha@example.com", "Asha", "", NOW);
        assertThat(asha.isProfileComplete()).isFalse();
        assertThat(asha.missingProfileFields()).containsExactly("address", "phone");
    }

    @Test
    void a_customer_with_phone_email_and_address_is_complete() {
        User asha = User.registered("user-1", "asha@example.com", "Asha", "+919876543210", NOW)
                .withAddresses(List.of(HOME), NOW);
        assertThat(asha.isProfileComplete()).isTrue();
        assertThat(asha.missingProfileFields()).isEmpty();
    }

    @Test
    void the_first_address_becomes_the_default_when_none_is_marked() {
        User asha = User.registered("user-1", "asha@example.com", "Asha", "", NOW).withAddresses(List.of(HOME), NOW);
        assertThat(asha.addresses().get(0).isDefault()).isTrue();
    }
}
