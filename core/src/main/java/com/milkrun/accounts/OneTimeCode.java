package com.milkrun.accounts;

import java.time.Instant;
import java.util.Objects;

/**
 * A short code sent to a user (email verification or password reset), stored as a hash with a deadline and a try
 * budget, and how many codes of this purpose were sent since {@code windowStart} (sending is limited per window).
 */
public record OneTimeCode(String userId, Purpose purpose, String codeHash, Instant expiresAt, int attemptsLeft,
                          Instant windowStart, int sendsInWindow) {
    public enum Purpose { VERIFY_EMAIL, RESET_PASSWORD }

    public OneTimeCode {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(windowStart, "windowStart");
    }

    public OneTimeCode withAttemptsLeft(int left) {
        return new OneTimeCode(userId, purpose, codeHash, expiresAt, left, windowStart, sendsInWindow);
    }
}
