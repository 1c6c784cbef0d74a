package com.milkrun.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class LambdaConfigTest {
    @Test
    void a_function_keeps_no_prometheus_meters_and_no_demo_settings_unless_its_environment_says_so() {
        Assumptions.assumeTrue(System.getenv("MILKRUN_METRICS") == null, "MILKRUN_METRICS is set in this environment");

        var config = LambdaConfig.fromEnvironment();

        assertThat(config.metrics().prometheus()).isFalse();
        if (System.getenv("MILKRUN_DEV_MAILBOX") == null && System.getenv("MILKRUN_DEMO_DATA") == null) {
            assertThat(config.devMailbox()).isFalse();
            assertThat(config.demoData()).isFalse();
        }
    }
}
