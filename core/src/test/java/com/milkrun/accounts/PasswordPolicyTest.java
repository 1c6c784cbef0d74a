package com.milkrun.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {
    @ParameterizedTest(name = "{0} lacks {1}")
    @CsvSource({
            "Sh0rt!, at least 8 characters",
            "password123!, an upper-case letter",
            "PASSWORD123!, a lower-case letter",
            "Password!!!, a digit",
            "password123, a symbol"
    })
    void names_the_rule_a_password_breaks(String password, String rule) {
        assertThat(PasswordPolicy.unmet(password)).contains(rule);
    }

    @Test
    void accepts_the_documented_example_password() {
        assertThat(PasswordPolicy.unmet("SecurePass123!")).isEmpty();
    }

    @Test
    void refuses_a_weak_password_with_invalid_password() {
        assertThatThrownBy(() -> PasswordPolicy.check("password123"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("InvalidPassword"))
                .hasMessageContaining("an upper-case letter").hasMessageContaining("a symbol");
    }
}
