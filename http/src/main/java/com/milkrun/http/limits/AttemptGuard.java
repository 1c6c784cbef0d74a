package com.milkrun.http.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentMap;

/**
 * Slows down guessing of passwords and emailed codes, and the sending of codes, without letting anybody lock the real
 * owner out.
 *
 * <ul>
 *   <li><b>Per client and account</b> (address + email): the first few failures are free, then every further one
 *       doubles the wait before the next attempt from that address for that account (1 s, 2 s, 4 s, … at most
 *       15 minutes). Another address, such as the owner's, is not affected. A success forgets the failures.</li>
 *   <li><b>Per client</b>: at most {@link RateLimits#failedAttemptsPerClient()} failures (and codes sent) per window
 *       over every account, so one address cannot try one password on many accounts.</li>
 * </ul>
 * The account itself keeps a slower, shared count in the identity provider for attackers spread over many
 * addresses. Every attempt is counted as a failure <em>when it starts</em> and given back when it turns out not to be
 * one, so attempts sent at the same moment cannot all slip through before the first one fails.
 */
public final class AttemptGuard {
    /** What kind of secret a route checks or sends, and how many failures of it are free. */
    public enum Kind {
        /** A password is checked; {@code InvalidCredentials} is a failure. */
        PASSWORD(5, "InvalidCredentials"),
        /** An emailed code is checked; {@code InvalidCode} is a failure. */
        CODE(5, "InvalidCode"),
        /** A code is sent by email; every call counts, whatever its outcome. */
        SEND(3, null);

        private final int free;
        private final String failureCode;

        Kind(int free, String failureCode) {
            this.free = free;
            this.failureCode = failureCode;
        }

        /** Whether an error with this code means the secret was wrong. */
        public boolean isFailure(String errorCode) {
            return failureCode != null && failureCode.equals(errorCode);
        }

        int free() {
            return free;
        }
    }

    /** How an admitted attempt ended. */
    public enum Outcome {
        /** The secret was right: the failures of this client and account are forgotten. */
        SUCCEEDED,
        /** The secret was wrong: the attempt stays counted. */
        FAILED,
        /** The secret was not checked (e.g. a malformed request): the attempt is given back. */
        NOT_CHECKED
    }

    /** An attempt let through; {@link #settle} tells how it ended. */
    public interface Permit {
        void settle(Outcome outcome);
    }

    /** An attempt refused; the client may try again after {@code retryAfter}. */
    public static final class Refused extends RuntimeException {
        private final Duration retryAfter;

        Refused(Duration retryAfter) {
            super("too many attempts", null, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    private static final Permit SETTLES_NOTHING = outcome -> { };

    private final RateLimits limits;
    private final Clock clock;
    private final ClockTimeMeter time;
    private final Cache<String, Bucket> clients;
    private final ConcurrentMap<Key, Failures> pairs;

    public AttemptGuard(RateLimits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.time = new ClockTimeMeter(clock);
        this.clients = Caffeine.newBuilder().maximumSize(RequestLimiter.MAX_TRACKED)
                .expireAfterAccess(limits.attemptsWindow().multipliedBy(2)).build();
        Cache<Key, Failures> pairCache = Caffeine.newBuilder().maximumSize(RequestLimiter.MAX_TRACKED)
                .expireAfterWrite(Duration.ofHours(1)).build();
        this.pairs = pairCache.asMap();
    }

    /**
     * Lets an attempt from {@code client} on {@code account} (an email; blank when the request names none) start,
     * counting it in advance.
     *
     * @throws Refused when the client must wait first
     */
    public Permit admit(Kind kind, String client, String account) {
        Objects.requireNonNull(kind, "kind");
        Bucket bucket = clientBucket(client);
        if (bucket != null) {
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (!probe.isConsumed()) {
                throw new Refused(Duration.ofNanos(probe.getNanosToWaitForRefill()));
            }
        }
        if (account == null || account.isBlank()) {
            return bucket == null ? SETTLES_NOTHING : outcome -> giveBackUnlessFailed(kind, bucket, outcome);
        }
        Key key = new Key(kind == Kind.SEND ? Kind.SEND : Kind.PASSWORD, client == null ? "" : client,
                account.strip().toLowerCase(Locale.ROOT));
        Instant now = clock.instant();
        Failures[] before = new Failures[1];
        Failures counted = pairs.compute(key, (k, current) -> {
            before[0] = current;
            if (current != null && now.isBefore(current.retryAt())) {
                return current;
            }
            int failures = (current == null ? 0 : current.count()) + 1;
            return new Failures(failures, now.plus(delayAfter(kind, failures)));
        });
        if (counted == before[0]) {
            if (bucket != null) {
                bucket.addTokens(1);
            }
            throw new Refused(Duration.between(now, counted.retryAt()));
        }
        return outcome -> {
            if (kind == Kind.SEND) {
                return;
            }
            switch (outcome) {
                case SUCCEEDED -> pairs.remove(key);
                case NOT_CHECKED -> pairs.computeIfPresent(key, (k, current) -> current == counted ? before[0] : current);
                case FAILED -> { }
            }
            giveBackUnlessFailed(kind, bucket, outcome);
        };
    }

    private void giveBackUnlessFailed(Kind kind, Bucket bucket, Outcome outcome) {
        if (bucket != null && kind != Kind.SEND && outcome != Outcome.FAILED) {
            bucket.addTokens(1);
        }
    }

    /** The wait after the {@code failures}-th failure: none while they are free, then 1 s doubling up to 15 min. */
    static Duration delayAfter(Kind kind, int failures) {
        int beyond = failures - kind.free();
        if (beyond < 0) {
            return Duration.ZERO;
        }
        if (beyond >= 10) {
            return MAX_DELAY;
        }
        Duration delay = Duration.ofSeconds(1L << beyond);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private Bucket clientBucket(String client) {
        int allowed = limits.failedAttemptsPerClient();
        if (allowed == 0 || client == null || client.isEmpty()) {
            return null;
        }
        return clients.get(client, c -> Bucket.builder()
                .addLimit(limit -> limit.capacity(allowed).refillGreedy(allowed, limits.attemptsWindow()))
                .withCustomTimePrecision(time)
                .build());
    }

    /** Passwords and codes checked share one count per client and account; codes sent have their own. */
    private record Key(Kind family, String client, String account) {
    }

    private record Failures(int count, Instant retryAt) {
    }
}
