package com.milkrun.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.store.sql.testing.TestDatabase;
import com.milkrun.testing.Times;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Jdbc#updateAll} on each database: PostgreSQL sends the writes as one multi-statement query, H2 one by one;
 * both answer each write's count in order, and a write that fails fails the call, naming its table, and, inside a
 * transaction, leaves nothing of the others.
 */
abstract class JdbcWritesTogetherContract {
    private static final String INSERT_KEY = "INSERT INTO signing_keys (key_id, generation, private_key, created_at)";

    protected abstract TestDatabase database();

    private Jdbc jdbc() {
        return database().database().jdbc();
    }

    @Test
    void answers_each_writes_count_in_order() {
        int[] counts = jdbc().inTransaction(tx -> tx.updateAll(List.of(
                Jdbc.Write.rows(INSERT_KEY, List.of(key("key-1", 1), key("key-2", 2), key("key-3", 3))),
                Jdbc.Write.of("UPDATE signing_keys SET private_key = ? WHERE key_id <> ?", "{\"kty\":\"RSA\"}", "key-3"),
                Jdbc.Write.of("UPDATE signing_keys SET generation = 9 WHERE key_id = ?", "no-such-key"),
                Jdbc.Write.of("DELETE FROM signing_keys WHERE key_id = ?", "key-3"))));

        assertThat(counts).containsExactly(3, 2, 0, 1);
        assertThat(jdbc().query("SELECT key_id, private_key FROM signing_keys ORDER BY key_id",
                row -> row.getString(1) + "=" + row.getString(2)))
                .containsExactly("key-1={\"kty\":\"RSA\"}", "key-2={\"kty\":\"RSA\"}");
    }

    @Test
    void a_later_write_sees_what_an_earlier_one_wrote() {
        int[] counts = jdbc().inTransaction(tx -> tx.updateAll(List.of(
                Jdbc.Write.of(INSERT_KEY + " VALUES (?, ?, ?, ?)", "key-1", 1, "{}", Times.MORNING_RUN),
                Jdbc.Write.of("UPDATE signing_keys SET private_key = ? WHERE key_id = ? AND generation = 1", "[]", "key-1"))));

        assertThat(counts).containsExactly(1, 1);
    }

    @Test
    void a_failing_write_fails_the_call_and_the_transaction_keeps_nothing() {
        assertThatThrownBy(() -> jdbc().inTransaction(tx -> tx.updateAll(List.of(
                Jdbc.Write.of(INSERT_KEY + " VALUES (?, ?, ?, ?)", "key-1", 1, "{}", Times.MORNING_RUN),
                Jdbc.Write.of(INSERT_KEY + " VALUES (?, ?, ?, ?)", "key-2", 2, "{}", Times.MORNING_RUN),
                Jdbc.Write.of(INSERT_KEY + " VALUES (?, ?, ?, ?)", "key-1", 3, "{}", Times.MORNING_RUN)))))
                .isInstanceOf(UniqueViolation.class)
                .satisfies(e -> assertThat(((UniqueViolation) e).table()).contains("signing_keys"));

        assertThat(jdbc().query("SELECT key_id FROM signing_keys", row -> row.getString(1))).isEmpty();
    }

    @Test
    void a_write_is_one_statement() {
        assertThatThrownBy(() -> Jdbc.Write.of("DELETE FROM signing_keys; DROP TABLE signing_keys"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Object> key(String keyId, int generation) {
        return List.of(keyId, generation, "{}", Times.MORNING_RUN);
    }
}
