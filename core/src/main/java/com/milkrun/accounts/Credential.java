package com.milkrun.accounts;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the local identity provider keeps to sign a user in: the password hash, whether the email is verified, and
 * the failed-login counter that locks the account for a while after repeated wrong passwords.
 */
public record Credential(String userId, String email, String passwordHash, boolean emailVerified, int failedAttempts,
                         Optional<Instant> lockedUntil, long version) {
    public Credential {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        lockedUntil = lockedUntil == null ? Optional.empty() : lockedUntil;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil.map(now::isBefore).orElse(false);
    }

    public Credential withFailedAttempts(int attempts, Optional<Instant> until) {
        return new Credential(userId, email, passwordHash, emailVerified, attempts, until, version);
    }

    public Credential withPasswordHash(String hash) {
        return new Credential(userId, email, hash, emailVerified, 0, Optional.empty(), version);
    }

    public Credential verified() {
        return new Credential(userId, email, passwordHash, true, failedAttempts, lockedUntil, version);
    }
}
