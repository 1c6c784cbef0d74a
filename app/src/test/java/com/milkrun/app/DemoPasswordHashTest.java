package com.milkrun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.demo.DemoData;
import com.milkrun.identity.BcryptPasswordHasher;
import org.junit.jupiter.api.Test;

class DemoPasswordHashTest {
    @Test
    void the_precomputed_demo_hash_is_the_bcrypt_of_the_documented_demo_password() {
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);
        assertThat(hasher.matches(DemoData.PASSWORD, MilkRun.DEMO_PASSWORD_BCRYPT)).isTrue();
        assertThat(hasher.matches("milkrun@2026", MilkRun.DEMO_PASSWORD_BCRYPT)).isFalse();
    }
}
