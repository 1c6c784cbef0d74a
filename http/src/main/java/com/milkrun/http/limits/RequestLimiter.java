package com.milkrun.http.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A token bucket per client address and per signed-in account: each request takes a token, a full bucket holds a
 * minute's allowance and refills continuously. Buckets of clients not seen for a while are forgotten (a forgotten
 * bucket would be full again by then anyway); at most {@value #MAX_TRACKED} of each are kept, so a flood of
 * addresses cannot exhaust memory.
 *
 * <p>Buckets live in this process: with several processes behind a load balancer each one enforces the limit on the
 * share it serves (on AWS, API Gateway's own throttling comes on top).
 */
public final class RequestLimiter {
    static final int MAX_TRACKED = 100_000;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final RateLimits limits;
    private final ClockTimeMeter time;
    private final Cache<String, Bucket> clients;
    private final Cache<String, Bucket> accounts;

    public RequestLimiter(RateLimits limits, Clock clock) {
        this.limits = limits;
        this.time = new ClockTimeMeter(clock);
        this.clients = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(Duration.ofMinutes(5)).build();
        this.accounts = Caffeine.newBuilder().maximumSize(MAX_TRACKED).expireAfterAccess(Duration.ofMinutes(5)).build();
    }

    /** Takes a token for a request from {@code client}; the wait until the next one when its bucket is empty. */
    public Optional<Duration> admitClient(String client) {
        return admit(clients, client, limits.requestsPerClientPerMinute());
    }

    /** Takes a token for a request of the signed-in account {@code userId}; the wait when its bucket is empty. */
    public Optional<Duration> admitAccount(String userId) {
        return admit(accounts, userId, limits.requestsPerAccountPerMinute());
    }

    private Optional<Duration> admit(Cache<String, Bucket> buckets, String key, int perMinute) {
        if (perMinute == 0 || key == null || key.isEmpty()) {
            return Optional.empty();
        }
        Bucket bucket = buckets.get(key, k -> perMinute(perMinute));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket perMinute(int tokens) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(tokens).refillGreedy(tokens, MINUTE))
                .withCustomTimePrecision(time)
                .build();
    }
}
