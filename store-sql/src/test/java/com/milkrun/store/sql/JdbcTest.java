package com.milkrun.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.store.sql.testing.H2TestDatabase;
import com.milkrun.testing.Times;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcTest {
    @RegisterExtension
    static final H2TestDatabase DATABASE = new H2TestDatabase();

    @Test
    void rolls_back_everything_a_failed_transaction_wrote() {
        Jdbc jdbc = DATABASE.database().jdbc();

        assertThatThrownBy(() -> jdbc.inTransaction(tx -> {
            insertKey(tx, "key-1");
            insertKey(tx, "key-2");
            return null;
        })).isInstanceOf(UniqueViolation.class);

        assertThat(jdbc.query("SELECT key_id FROM signing_keys", row -> row.getString(1))).isEmpty();
    }

    @Test
    void keeps_timestamps_to_the_microsecond_by_truncating() {
        Jdbc jdbc = DATABASE.database().jdbc();
        Instant withNanos = Times.MORNING_RUN.plusNanos(999);

        jdbc.update("INSERT INTO signing_keys (key_id, generation, private_key, created_at) VALUES (?, ?, ?, ?)",
                "key-nanos", 1, "{}", withNanos);

        assertThat(jdbc.query("SELECT created_at FROM signing_keys", row -> SqlTime.read(row, "created_at")))
                .containsExactly(Times.MORNING_RUN);
    }

    @Test
    void tells_a_unique_violation_from_other_failures() {
        Jdbc jdbc = DATABASE.database().jdbc();

        assertThatThrownBy(() -> jdbc.update("INSERT INTO no_such_table VALUES (?)", 1))
                .isInstanceOf(SqlStoreException.class)
                .isNotInstanceOf(UniqueViolation.class)
                .hasMessageContaining("NO_SUCH_TABLE");
    }

    private static void insertKey(Jdbc tx, String keyId) {
        tx.update("INSERT INTO signing_keys (key_id, generation, private_key, created_at) VALUES (?, ?, ?, ?)",
                keyId, 1, "{}", Times.MORNING_RUN);
    }
}
