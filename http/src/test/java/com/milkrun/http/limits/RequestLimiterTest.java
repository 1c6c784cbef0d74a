package com.milkrun.http.limits;

import com.milkrun.testing.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RequestLimiterTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-04T05:30:00Z"));
    private final RequestLimiter limiter = new RequestLimiter(new RateLimits(60, 30, 10, Duration.ofMinutes(15)), clock);

    @Test
    void lets_a_client_send_a_minutes_allowance_at_once_then_asks_it_to_wait() {
        IntStream.range(0, 60).forEach(i -> assertThat(limiter.admitClient("203.0.113.7")).isEmpty());

        assertThat(limiter.admitClient("203.0.113.7")).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void refills_the_allowance_as_time_passes() {
        IntStream.range(0, 60).forEach(i -> limiter.admitClient("203.0.113.7"));
        assertThat(limiter.admitClient("203.0.113.7")).isPresent();

        clock.advance(Duration.ofSeconds(10));

        IntStream.range(0, 10).forEach(i -> assertThat(limiter.admitClient("203.0.113.7")).isEmpty());
        assertThat(limiter.admitClient("203.0.113.7")).isPresent();
    }

    @Test
    void counts_each_client_and_each_account_on_its_own() {
        IntStream.range(0, 60).forEach(i -> limiter.admitClient("203.0.113.7"));
        IntStream.range(0, 30).forEach(i -> limiter.admitAccount("user-asha"));

        assertThat(limiter.admitClient("198.51.100.20")).isEmpty();
        assertThat(limiter.admitAccount("user-ravi")).isEmpty();
        assertThat(limiter.admitAccount("user-asha")).isPresent();
    }

    @Test
    void a_limit_of_zero_is_no_limit() {
        RequestLimiter unlimited = new RequestLimiter(RateLimits.unlimitedRequests(), clock);

        IntStream.range(0, 10_000).forEach(i -> assertThat(unlimited.admitClient("203.0.113.7")).isEmpty());
    }

    @Test
    void clients_racing_for_the_last_tokens_get_exactly_the_allowance() throws Exception {
        AtomicInteger admitted = new AtomicInteger();
        Thread[] threads = new Thread[8];
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                for (int i = 0; i < 50; i++) {
                    if (limiter.admitClient("203.0.113.7").isEmpty()) {
                        admitted.incrementAndGet();
                    }
                }
            });
            threads[t].start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(admitted).hasValue(60);
    }
}
