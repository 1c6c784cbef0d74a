package com.milkrun.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.app.Config;
import com.milkrun.app.MilkRun;
import com.milkrun.app.api.ApiClient;
import com.milkrun.app.api.TestConfigs;
import com.milkrun.notifications.EmailStatus;
import com.milkrun.notifications.OutboundEmail;
import com.milkrun.shared.PageRequest;
import com.milkrun.testing.ManualClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduled sweep as Lambda runs it, on a function without runner threads: an email whose first attempt failed
 * (the mail server refuses connections) is attempted again by the sweep once its backoff is over, and not before.
 */
class ScheduledSweepHandlerTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
    private MilkRun app;

    @BeforeEach
    void start() throws IOException {
        app = MilkRun.start(Config.from(TestConfigs.base(Map.of("MILKRUN_STORE", "memory",
                "MILKRUN_WORKFLOW_RUNNER", "false",
                "MILKRUN_SMTP_HOST", "127.0.0.1",
                "MILKRUN_SMTP_PORT", Integer.toString(aPortNobodyListensOn()),
                "MILKRUN_SMTP_STARTTLS", "false",
                "MILKRUN_SMTP_TIMEOUT_SECONDS", "2",
                "MILKRUN_SMTP_FROM", "MilkRun <no-reply@milkrun.test>",
                "MILKRUN_EMAIL_RETRY_MS", "60000",
                "MILKRUN_EMAIL_ATTEMPTS", "3"))), clock);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void sends_the_emails_that_are_due_and_only_those() {
        ApiClient api = new ApiClient(app.router()::handle);
        assertThat(api.post("/auth/register", Map.of("email", "meera@example.com", "password", "Fresh@Milk1",
                "name", "Meera Iyer")).status()).isEqualTo(200);
        OutboundEmail code = onlyEmail();
        assertThat(code.attempts()).as("attempted at once, refused").isEqualTo(1);
        assertThat(code.status()).isEqualTo(EmailStatus.PENDING);
        ScheduledSweepHandler sweep = new ScheduledSweepHandler(app);

        assertThat(sweep.handleRequest(Map.of(), null)).isEqualTo(Map.of("emailsAttempted", 0, "ordersResumed", 0));
        assertThat(onlyEmail().attempts()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(sweep.handleRequest(Map.of("source", "aws.events"), null))
                .isEqualTo(Map.of("emailsAttempted", 1, "ordersResumed", 0));
        assertThat(onlyEmail().attempts()).isEqualTo(2);
        assertThat(onlyEmail().lastError()).isNotBlank();
    }

    private OutboundEmail onlyEmail() {
        List<OutboundEmail> emails = app.stores().notifications().emails(Optional.empty(), PageRequest.first(10)).items();
        assertThat(emails).hasSize(1);
        return emails.getFirst();
    }

    private static int aPortNobodyListensOn() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
