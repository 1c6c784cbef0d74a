package com.milkrun.store.sql.accounts;

import com.milkrun.accounts.RefreshSession;
import com.milkrun.accounts.SessionStore;
import com.milkrun.shared.DomainException;
import com.milkrun.store.sql.Jdbc;
import com.milkrun.store.sql.UniqueViolation;
import java.util.Optional;

/** Refresh sessions in {@code refresh_sessions}; a transition is one conditional UPDATE, so one racer wins. */
public final class SqlSessionStore implements SessionStore {
    private static final String REVOKED = RefreshSession.Status.REVOKED.name();

    private final Jdbc jdbc;

    public SqlSessionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(RefreshSession s) {
        try {
            jdbc.update("INSERT INTO refresh_sessions (" + SessionRows.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)",
                    s.tokenHash(), s.userId(), s.familyId(), s.issuedAt(), s.expiresAt(), s.status().name());
        } catch (UniqueViolation e) {
            throw DomainException.conflict("Conflict", "A session with this token already exists");
        }
    }

    @Override
    public Optional<RefreshSession> find(String tokenHash) {
        return jdbc.queryOne("SELECT " + SessionRows.COLUMNS + " FROM refresh_sessions WHERE token_hash = ?",
                SessionRows::session, tokenHash);
    }

    @Override
    public boolean transition(String tokenHash, RefreshSession.Status from, RefreshSession.Status to) {
        return jdbc.update("UPDATE refresh_sessions SET status = ? WHERE token_hash = ? AND status = ?",
                to.name(), tokenHash, from.name()) == 1;
    }

    @Override
    public void revokeFamily(String familyId) {
        jdbc.update("UPDATE refresh_sessions SET status = ? WHERE family_id = ? AND status <> ?", REVOKED, familyId, REVOKED);
    }

    @Override
    public void revokeAllOf(String userId) {
        jdbc.update("UPDATE refresh_sessions SET status = ? WHERE user_id = ? AND status <> ?", REVOKED, userId, REVOKED);
    }
}
