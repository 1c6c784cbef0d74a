package com.milkrun.store.sql.accounts;

import com.milkrun.accounts.SigningKey;
import com.milkrun.accounts.SigningKeyStore;
import com.milkrun.store.sql.Jdbc;
import com.milkrun.store.sql.SqlTime;
import com.milkrun.store.sql.UniqueViolation;
import java.util.Optional;

/**
 * Signing keys in {@code signing_keys}. The first key takes generation 1, which is unique: when processes race,
 * the database lets exactly one insert through and the others read the winner.
 */
public final class SqlSigningKeyStore implements SigningKeyStore {
    private static final int FIRST_GENERATION = 1;

    private final Jdbc jdbc;

    public SqlSigningKeyStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SigningKey> current() {
        return jdbc.queryOne("SELECT " + SigningKeyRows.COLUMNS + " FROM signing_keys"
                + " ORDER BY created_at, key_id FETCH FIRST 1 ROWS ONLY", SigningKeyRows::key);
    }

    @Override
    public SigningKey saveIfAbsent(SigningKey key) {
        Optional<SigningKey> existing = current();
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.update("INSERT INTO signing_keys (key_id, generation, private_key, created_at) VALUES (?, ?, ?, ?)",
                    key.keyId(), FIRST_GENERATION, key.privateKey(), key.createdAt());
            return new SigningKey(key.keyId(), key.privateKey(), SqlTime.micros(key.createdAt()));
        } catch (UniqueViolation e) {
            return current().orElseThrow(() -> new IllegalStateException("signing key vanished after a unique violation", e));
        }
    }
}
