package com.milkrun.store.sql.accounts;

import com.milkrun.accounts.Credential;
import com.milkrun.accounts.CredentialStore;
import com.milkrun.accounts.OneTimeCode;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.DomainException;
import com.milkrun.store.sql.Jdbc;
import com.milkrun.store.sql.SqlTime;
import com.milkrun.store.sql.UniqueViolation;
import java.util.Locale;
import java.util.Optional;

/** Credentials in {@code credentials} (email unique, stored in lower case) and codes in {@code one_time_codes}. */
public final class SqlCredentialStore implements CredentialStore {
    private static final String SELECT_CREDENTIAL = "SELECT " + CredentialRows.CREDENTIAL_COLUMNS + " FROM credentials";

    private final Jdbc jdbc;

    public SqlCredentialStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Credential create(Credential credential) {
        Credential stored = stored(credential, 1);
        try {
            jdbc.update("INSERT INTO credentials (" + CredentialRows.CREDENTIAL_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                    stored.userId(), stored.email(), stored.passwordHash(), stored.emailVerified(),
                    stored.failedAttempts(), stored.lockedUntil().orElse(null), stored.version());
            return stored;
        } catch (UniqueViolation e) {
            throw userExists();
        }
    }

    @Override
    public Optional<Credential> findByEmail(String email) {
        return jdbc.queryOne(SELECT_CREDENTIAL + " WHERE email = ?", CredentialRows::credential,
                email.toLowerCase(Locale.ROOT));
    }

    @Override
    public Optional<Credential> get(String userId) {
        return jdbc.queryOne(SELECT_CREDENTIAL + " WHERE user_id = ?", CredentialRows::credential, userId);
    }

    @Override
    public Credential update(Credential credential) {
        Credential stored = stored(credential, credential.version() + 1);
        int changed;
        try {
            changed = jdbc.update("UPDATE credentials SET email = ?, password_hash = ?, email_verified = ?,"
                            + " failed_attempts = ?, locked_until = ?, version = ? WHERE user_id = ? AND version = ?",
                    stored.email(), stored.passwordHash(), stored.emailVerified(), stored.failedAttempts(),
                    stored.lockedUntil().orElse(null), stored.version(), stored.userId(), credential.version());
        } catch (UniqueViolation e) {
            throw userExists();
        }
        if (changed == 0) {
            throw get(credential.userId()).isPresent()
                    ? new ConcurrentModification("Credential")
                    : DomainException.notFound("Credential not found");
        }
        return stored;
    }

    @Override
    public void delete(String userId) {
        jdbc.inTransaction(tx -> {
            tx.update("DELETE FROM one_time_codes WHERE user_id = ?", userId);
            return tx.update("DELETE FROM credentials WHERE user_id = ?", userId);
        });
    }

    @Override
    public void saveCode(OneTimeCode code) {
        jdbc.updateOrInsert(
                "UPDATE one_time_codes SET code_hash = ?, expires_at = ?, attempts_left = ?, window_start = ?, sends_in_window = ?"
                        + " WHERE user_id = ? AND purpose = ?",
                new Object[] {code.codeHash(), code.expiresAt(), code.attemptsLeft(), code.windowStart(), code.sendsInWindow(),
                        code.userId(), code.purpose().name()},
                "INSERT INTO one_time_codes (" + CredentialRows.CODE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                new Object[] {code.userId(), code.purpose().name(), code.codeHash(), code.expiresAt(), code.attemptsLeft(),
                        code.windowStart(), code.sendsInWindow()});
    }

    @Override
    public Optional<OneTimeCode> findCode(String userId, OneTimeCode.Purpose purpose) {
        return jdbc.queryOne("SELECT " + CredentialRows.CODE_COLUMNS + " FROM one_time_codes WHERE user_id = ? AND purpose = ?",
                CredentialRows::code, userId, purpose.name());
    }

    @Override
    public void deleteCode(String userId, OneTimeCode.Purpose purpose) {
        jdbc.update("DELETE FROM one_time_codes WHERE user_id = ? AND purpose = ?", userId, purpose.name());
    }

    private static Credential stored(Credential c, long version) {
        return new Credential(c.userId(), c.email().toLowerCase(Locale.ROOT), c.passwordHash(), c.emailVerified(),
                c.failedAttempts(), c.lockedUntil().map(SqlTime::micros), version);
    }

    private static DomainException userExists() {
        return DomainException.conflict("UserExists", "User with this email already exists");
    }
}
