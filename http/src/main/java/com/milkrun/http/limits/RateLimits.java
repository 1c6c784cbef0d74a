package com.milkrun.http.limits;

import java.time.Duration;

/**
 * How much one client (by network address) and one signed-in account may ask of the API, and how many failed
 * sign-in and code attempts one client may make.
 *
 * @param requestsPerClientPerMinute  requests one address may send per minute, as a burst or spread out; 0 turns
 *                                    the limit off
 * @param requestsPerAccountPerMinute requests one signed-in account may send per minute, from any address; 0 turns
 *                                    the limit off
 * @param failedAttemptsPerClient     failed passwords and codes, and codes sent, that one address may cause per
 *                                    {@code attemptsWindow}, over every account; 0 turns the limit off
 * @param attemptsWindow              the window of {@code failedAttemptsPerClient}
 */
public record RateLimits(int requestsPerClientPerMinute, int requestsPerAccountPerMinute, int failedAttemptsPerClient,
                         Duration attemptsWindow) {
    public RateLimits {
        if (requestsPerClientPerMinute < 0 || requestsPerAccountPerMinute < 0 || failedAttemptsPerClient < 0) {
            throw new IllegalArgumentException("limits cannot be negative");
        }
        if (attemptsWindow.isNegative() || attemptsWindow.isZero()) {
            throw new IllegalArgumentException("attemptsWindow must be positive");
        }
    }

    /** What a real shop needs: far above what a person or the web UI sends, far below what a script can. */
    public static RateLimits defaults() {
        return new RateLimits(600, 300, 30, Duration.ofMinutes(15));
    }

    /** No request limits, but still the per-account guessing protection of {@link AttemptGuard}. */
    public static RateLimits unlimitedRequests() {
        return new RateLimits(0, 0, 0, Duration.ofMinutes(15));
    }
}
