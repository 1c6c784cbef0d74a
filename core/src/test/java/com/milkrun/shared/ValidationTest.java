package com.milkrun.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValidationTest {
    @Test
    void collects_every_error_before_throwing() {
        Validation check = new Validation();
        check.email("email", "not-an-email");
        check.pincode("zipCode", "39000");
        check.optionalPhone("phone", "98765");
        check.text("name", " ", 10, "Name");
        assertThatThrownBy(check::throwIfInvalid).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::code)
                        .containsExactly("INVALID_EMAIL", "INVALID_PINCODE", "INVALID_PHONE", "MISSING_NAME"));
    }

    @Test
    void normalises_emails_and_phones() {
        Validation check = new Validation();
        assertThat(check.email("email", " Asha@Example.COM ")).isEqualTo("asha@example.com");
        assertThat(check.optionalPhone("phone", "+91 98765-43210")).isEqualTo("+919876543210");
        assertThat(check.hasErrors()).isFalse();
    }

    @Test
    void refuses_a_page_size_outside_one_to_a_hundred() {
        assertThatThrownBy(() -> new PageRequest(0, null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new PageRequest(101, null)).isInstanceOf(ValidationException.class);
        assertThat(new PageRequest(100, " ").nextToken()).isNull();
    }
}
