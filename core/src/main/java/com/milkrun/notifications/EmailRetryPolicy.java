package com.milkrun.notifications;

import java.time.Duration;
import java.util.Objects;

/**
 * How an email is retried: {@code maxAttempts} attempts in all, the first retry after {@code firstRetry}, each next
 * one {@code backoffRate} times later; after the last failed attempt the email is dead (the dead-letter list).
 * {@code lease} is how long one attempt may take before another process may try again.
 */
public record EmailRetryPolicy(int maxAttempts, Duration firstRetry, double backoffRate, Duration lease) {
    /** The seed's notification retry: 2 s, then 4 s, then 8 s (four attempts), then dead. */
    public static final EmailRetryPolicy STANDARD = new EmailRetryPolicy(4, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(60));

    public EmailRetryPolicy {
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(lease, "lease");
        if (maxAttempts < 1 || backoffRate < 1.0) {
            throw new IllegalArgumentException("at least one attempt, and a backoff rate of at least 1");
        }
    }

    /** The wait after failed attempt number {@code attempt} (1 for the first). */
    public Duration retryAfter(int attempt) {
        return Duration.ofMillis(Math.round(firstRetry.toMillis() * Math.pow(backoffRate, attempt - 1)));
    }
}
