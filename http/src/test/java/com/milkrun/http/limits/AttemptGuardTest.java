package com.milkrun.http.limits;

import com.milkrun.testing.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.milkrun.http.limits.AttemptGuard.Kind;
import com.milkrun.http.limits.AttemptGuard.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AttemptGuardTest {
    private static final String ATTACKER = "203.0.113.66";
    private static final String ASHA_AT_HOME = "198.51.100.20";
    private static final String ASHA = "asha@milkrun.dev";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-04T05:30:00Z"));
    private final AttemptGuard guard = new AttemptGuard(new RateLimits(0, 0, 30, Duration.ofMinutes(15)), clock);

    @Test
    void five_wrong_passwords_are_free_then_each_one_doubles_the_wait() {
        failPasswords(ATTACKER, ASHA, 5);

        assertThat(refusal(Kind.PASSWORD, ATTACKER, ASHA)).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        failPasswords(ATTACKER, ASHA, 1);
        assertThat(refusal(Kind.PASSWORD, ATTACKER, ASHA)).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        failPasswords(ATTACKER, ASHA, 1);
        assertThat(refusal(Kind.PASSWORD, ATTACKER, ASHA)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void the_wait_stops_growing_at_fifteen_minutes() {
        for (int failures = 1; failures <= 30; failures++) {
            assertThat(AttemptGuard.delayAfter(Kind.PASSWORD, failures)).isLessThanOrEqualTo(Duration.ofMinutes(15));
        }
        assertThat(AttemptGuard.delayAfter(Kind.PASSWORD, 30)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void an_attacker_elsewhere_does_not_lock_the_owner_out() {
        failPasswords(ATTACKER, ASHA, 5);
        assertThat(refusal(Kind.PASSWORD, ATTACKER, ASHA)).isPositive();

        guard.admit(Kind.PASSWORD, ASHA_AT_HOME, ASHA).settle(Outcome.SUCCEEDED);
    }

    @Test
    void a_success_forgets_the_failures() {
        failPasswords(ASHA_AT_HOME, ASHA, 4);
        guard.admit(Kind.PASSWORD, ASHA_AT_HOME, ASHA).settle(Outcome.SUCCEEDED);

        failPasswords(ASHA_AT_HOME, ASHA, 5);
    }

    @Test
    void a_request_whose_secret_was_not_checked_is_given_back() {
        for (int i = 0; i < 20; i++) {
            guard.admit(Kind.CODE, ATTACKER, ASHA).settle(Outcome.NOT_CHECKED);
        }

        failCodes(ATTACKER, ASHA, 5);
        assertThat(refusal(Kind.CODE, ATTACKER, ASHA)).isPositive();
    }

    @Test
    void resending_a_code_does_not_reset_the_count_of_wrong_codes() {
        failCodes(ATTACKER, ASHA, 5);
        guard.admit(Kind.SEND, ATTACKER, ASHA).settle(Outcome.SUCCEEDED);

        assertThat(refusal(Kind.CODE, ATTACKER, ASHA)).isPositive();
    }

    @Test
    void passwords_and_codes_share_one_count_per_client_and_account() {
        failPasswords(ATTACKER, ASHA, 3);
        failCodes(ATTACKER, ASHA, 2);

        assertThat(refusal(Kind.CODE, ATTACKER, ASHA)).isPositive();
        assertThat(refusal(Kind.PASSWORD, ATTACKER, ASHA)).isPositive();
    }

    @Test
    void every_code_sent_counts_and_three_are_free() {
        for (int i = 0; i < 3; i++) {
            guard.admit(Kind.SEND, ATTACKER, ASHA).settle(Outcome.SUCCEEDED);
        }

        assertThat(refusal(Kind.SEND, ATTACKER, ASHA)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void one_client_trying_many_accounts_runs_out_of_failures() {
        for (int i = 0; i < 30; i++) {
            failPasswords(ATTACKER, "customer" + i + "@milkrun.dev", 1);
        }

        Duration wait = refusal(Kind.PASSWORD, ATTACKER, "someone-new@milkrun.dev");
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
        guard.admit(Kind.PASSWORD, ASHA_AT_HOME, ASHA).settle(Outcome.FAILED);
    }

    @Test
    void successes_do_not_use_up_the_clients_allowance() {
        for (int i = 0; i < 100; i++) {
            guard.admit(Kind.PASSWORD, ASHA_AT_HOME, "customer" + i + "@milkrun.dev").settle(Outcome.SUCCEEDED);
        }

        failPasswords(ASHA_AT_HOME, ASHA, 5);
    }

    @Test
    void emails_are_compared_without_case_or_spaces() {
        failPasswords(ATTACKER, ASHA, 5);

        assertThat(refusal(Kind.PASSWORD, ATTACKER, "  ASHA@MilkRun.dev ")).isPositive();
    }

    @Test
    void attempts_sent_at_the_same_moment_cannot_all_slip_through() throws Exception {
        AtomicInteger admitted = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[16];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                try {
                    start.await();
                    guard.admit(Kind.PASSWORD, ATTACKER, ASHA);
                    admitted.incrementAndGet();
                } catch (AttemptGuard.Refused refused) {
                    // expected for all but the free ones
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads[t].start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(admitted).hasValue(5);
    }

    private void failPasswords(String client, String account, int times) {
        for (int i = 0; i < times; i++) {
            guard.admit(Kind.PASSWORD, client, account).settle(Outcome.FAILED);
        }
    }

    private void failCodes(String client, String account, int times) {
        for (int i = 0; i < times; i++) {
            guard.admit(Kind.CODE, client, account).settle(Outcome.FAILED);
        }
    }

    private Duration refusal(Kind kind, String client, String account) {
        AttemptGuard.Refused refused = catchThrowableOfType(AttemptGuard.Refused.class,
                () -> guard.admit(kind, client, account));
        assertThat(refused).as("refused").isNotNull();
        return refused.retryAfter();
    }

    @Test
    void a_refusal_does_not_count_as_another_failure() {
        failPasswords(ATTACKER, ASHA, 5);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> guard.admit(Kind.PASSWORD, ATTACKER, ASHA)).isInstanceOf(AttemptGuard.Refused.class);
        }
        clock.advance(Duration.ofSeconds(1));

        failPasswords(ATTACKER, ASHA, 1);
        assertThat(refusal(Kind.PASSWORD, ATTACKER, ASHA)).isEqualTo(Duration.ofSeconds(2));
    }
}
