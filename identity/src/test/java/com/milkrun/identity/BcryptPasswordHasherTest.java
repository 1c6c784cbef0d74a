package com.milkrun.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BcryptPasswordHasherTest {
    private static final String ASHAS_PASSWORD = "Toned-Milk-500ml!";

    /** The smallest cost bcrypt allows, so that tests stay fast. */
    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);

    @Test
    void matches_the_password_it_hashed() {
        String hash = hasher.hash(ASHAS_PASSWORD);

        assertThat(hasher.matches(ASHAS_PASSWORD, hash)).isTrue();
    }

    @Test
    void does_not_match_a_wrong_password() {
        String hash = hasher.hash(ASHAS_PASSWORD);

        assertThat(hasher.matches("Toned-Milk-500ml?", hash)).isFalse();
        assertThat(hasher.matches("toned-milk-500ml!", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
    }

    @Test
    void salts_every_hash_so_equal_passwords_hash_differently() {
        String first = hasher.hash(ASHAS_PASSWORD);
        String second = hasher.hash(ASHAS_PASSWORD);

        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.matches(ASHAS_PASSWORD, first)).isTrue();
        assertThat(hasher.matches(ASHAS_PASSWORD, second)).isTrue();
    }

    @Test
    void writes_a_standard_bcrypt_hash_recording_its_cost() {
        assertThat(hasher.hash(ASHAS_PASSWORD)).startsWith("$2a$04$").hasSize(60);
        assertThat(new BcryptPasswordHasher().hash(ASHAS_PASSWORD)).startsWith("$2a$10$");
    }

    @Test
    void matches_a_password_longer_than_bcrypts_72_byte_limit() {
        String longPassword = "Buffalo-Milk-1L!".repeat(8);
        assertThat(longPassword.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(72);

        assertThat(hasher.matches(longPassword, hasher.hash(longPassword))).isTrue();
    }

    @Test
    void tells_apart_long_passwords_that_differ_only_after_the_72nd_byte() {
        String commonStart = "A2-Cow-Ghee-".repeat(6);
        assertThat(commonStart.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        String hash = hasher.hash(commonStart + "Paneer#1");

        assertThat(hasher.matches(commonStart + "Paneer#2", hash)).isFalse();
        assertThat(hasher.matches(commonStart, hash)).isFalse();
        assertThat(hasher.matches(commonStart + "Paneer#1", hash)).isTrue();
    }

    @Test
    void handles_a_policy_maximum_password_of_multi_byte_characters() {
        String devanagari = "दूध-Milk-1".repeat(12) + "दही-Dahi";
        assertThat(devanagari.length()).isLessThanOrEqualTo(128);
        assertThat(devanagari.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(72);
        String hash = hasher.hash(devanagari);

        assertThat(hasher.matches(devanagari, hash)).isTrue();
        assertThat(hasher.matches(devanagari.replace("दही", "घी"), hash)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "not-a-hash", "$2a$04$", "$2a$04$tooShort",
        "$2a$99$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
        "$2a$03$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
        "$2q$04$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234",
        "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
        "5f4dcc3b5aa765d61d8327deb882cf99"})
    void answers_no_rather_than_throwing_for_a_malformed_hash(String malformed) {
        assertThat(hasher.matches(ASHAS_PASSWORD, malformed)).isFalse();
    }

    @Test
    void answers_no_for_a_missing_password() {
        assertThat(hasher.matches(null, hasher.hash(ASHAS_PASSWORD))).isFalse();
    }

    @Test
    void refuses_a_cost_outside_bcrypts_range() {
        assertThatThrownBy(() -> new BcryptPasswordHasher(3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BcryptPasswordHasher(32)).isInstanceOf(IllegalArgumentException.class);
    }
}
