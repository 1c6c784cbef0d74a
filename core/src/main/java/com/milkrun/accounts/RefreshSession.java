package com.milkrun.accounts;

import java.time.Instant;
import java.util.Objects;

/**
 * One refresh token (kept only as a hash). Tokens of one sign-in form a family: each refresh rotates the token,
 * and presenting a rotated token again revokes the whole family, since it means the token was stolen.
 */
public record RefreshSession(String tokenHash, String userId, String familyId, Instant issuedAt, Instant expiresAt,
                             Status status) {
    public enum Status { ACTIVE, ROTATED, REVOKED }

    public RefreshSession {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
    }
}
