package com.milkrun.store.memory;

import com.milkrun.accounts.RefreshSession;
import com.milkrun.accounts.SessionStore;
import com.milkrun.shared.DomainException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** Refresh sessions in a concurrent map; a transition is one atomic compare-and-set on the session's entry. */
public final class InMemorySessionStore implements SessionStore {
    private final Map<String, RefreshSession> byHash = new ConcurrentHashMap<>();

    @Override
    public void create(RefreshSession session) {
        if (byHash.putIfAbsent(session.tokenHash(), session) != null) {
            throw DomainException.conflict("Conflict", "A session with this token already exists");
        }
    }

    @Override
    public Optional<RefreshSession> find(String tokenHash) {
        return Optional.ofNullable(byHash.get(tokenHash));
    }

    @Override
    public boolean transition(String tokenHash, RefreshSession.Status from, RefreshSession.Status to) {
        RefreshSession current = byHash.get(tokenHash);
        return current != null && current.status() == from && byHash.replace(tokenHash, current, with(current, to));
    }

    @Override
    public void revokeFamily(String familyId) {
        revokeWhere(s -> s.familyId().equals(familyId));
    }

    @Override
    public void revokeAllOf(String userId) {
        revokeWhere(s -> s.userId().equals(userId));
    }

    private void revokeWhere(Predicate<RefreshSession> which) {
        byHash.replaceAll((hash, s) -> which.test(s) ? with(s, RefreshSession.Status.REVOKED) : s);
    }

    private static RefreshSession with(RefreshSession s, RefreshSession.Status status) {
        return new RefreshSession(s.tokenHash(), s.userId(), s.familyId(), s.issuedAt(), s.expiresAt(), status);
    }
}
