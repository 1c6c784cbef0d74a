package com.milkrun.accounts;

import java.util.Optional;

/** Refresh-token sessions. */
public interface SessionStore {
    void create(RefreshSession session);

    Optional<RefreshSession> find(String tokenHash);

    /**
     * Moves a session from {@code from} to {@code to} atomically.
     *
     * @return false when the session is missing or not in state {@code from} (another request won the race)
     */
    boolean transition(String tokenHash, RefreshSession.Status from, RefreshSession.Status to);

    /** Revokes every session of a family (token reuse detected, or sign-out). */
    void revokeFamily(String familyId);

    /** Revokes every session of a user (account disabled, password reset). */
    void revokeAllOf(String userId);
}
