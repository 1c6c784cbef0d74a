package com.milkrun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.http.ApiRequest;
import com.milkrun.http.ApiResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A deployment left at its defaults (the jar run as it is, or a Lambda function with no settings) must not publish
 * anyone's codes nor create accounts whose password is in the README.
 */
class SafeDefaultsTest {
    @Test
    void an_empty_environment_turns_off_the_demo_data_and_the_dev_mailbox() {
        Config config = Config.from(Map.of());

        assertThat(config.demoData()).isFalse();
        assertThat(config.devMailbox()).isFalse();
    }

    @Test
    void a_milkrun_at_its_defaults_has_no_dev_mailbox_and_no_demo_accounts() {
        // Only the store differs from the defaults, so that the test leaves no database file behind.
        try (MilkRun app = MilkRun.start(Config.from(Map.of("MILKRUN_STORE", "memory")))) {
            ApiResponse mailbox = app.router().handle(get("/dev/mailbox"));
            assertThat(mailbox.status()).isEqualTo(404);
            assertThat(mailbox.bodyText()).contains("\"error\":\"NotFound\"");

            ApiResponse products = app.router().handle(get("/products"));
            assertThat(products.status()).isEqualTo(200);
            assertThat(products.bodyText()).contains("\"count\":0");
            assertThat(app.stores().users().findByEmail("customer@milkrun.dev")).isEmpty();
        }
    }

    @Test
    void the_dev_mailbox_answers_when_it_is_turned_on() {
        try (MilkRun app = MilkRun.start(Config.from(Map.of("MILKRUN_STORE", "memory", "MILKRUN_DEV_MAILBOX", "true")))) {
            assertThat(app.router().handle(get("/dev/mailbox")).status()).isEqualTo(200);
        }
    }

    @Test
    void the_start_log_warns_while_the_dev_mailbox_and_the_demo_data_are_on() {
        String on = startLog(Map.of("MILKRUN_STORE", "memory", "MILKRUN_DEV_MAILBOX", "true", "MILKRUN_DEMO_DATA", "true",
                "MILKRUN_BCRYPT_COST", "4"));
        assertThat(on).contains("\"level\":\"WARN\",\"message\":\"dev mailbox open: anyone can read every verification and reset code\"")
                .contains("\"level\":\"WARN\",\"message\":\"demo data on:");

        String off = startLog(Map.of("MILKRUN_STORE", "memory"));
        assertThat(off).doesNotContain("dev mailbox open", "demo data on");
    }

    /** What a MilkRun started with {@code env} writes to standard output while it starts. */
    private static String startLog(Map<String, String> env) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (MilkRun app = MilkRun.start(Config.from(env))) {
            return captured.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(original);
        }
    }

    private static ApiRequest get(String path) {
        return new ApiRequest("GET", path, Map.of(), Map.of("accept", "application/json"), new byte[0], "127.0.0.1", "req-1");
    }
}
