package com.milkrun.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.store.sql.testing.TestDatabase;
import com.milkrun.testing.Times;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Jdbc#updateAll} and {@link Jdbc#queryAll} on each database: PostgreSQL sends the statements as one
 * multi-statement query, H2 one by one; both answer each write's count in order, and a write that fails fails the
 * call, naming its table, and, inside a transaction, leaves nothing of the others; each read answers what its own
 * rows make.
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

    @Test
    void reads_sent_together_each_answer_their_own_rows() {
        jdbc().update(Jdbc.Write.rows(INSERT_KEY, List.of(key("key-1", 1), key("key-2", 2), key("key-3", 3))));
        Jdbc.Read<List<String>> older = Jdbc.Read.rows("SELECT key_id FROM signing_keys WHERE generation <= ? ORDER BY key_id",
                row -> row.getString(1), List.of(2));
        Jdbc.Read<Integer> newest = Jdbc.Read.rows("SELECT MAX(generation) FROM signing_keys WHERE key_id <> ?",
                row -> row.getInt(1), List.of("no-such-key")).then(rows -> rows.get(0));
        Jdbc.Read<List<String>> none = Jdbc.Read.rows("SELECT key_id FROM signing_keys WHERE key_id = ?",
                row -> row.getString(1), List.of("no-such-key"));

        Jdbc.Results results = jdbc().queryAll(List.of(older, newest, none));

        assertThat(results.of(older)).containsExactly("key-1", "key-2");
        assertThat(results.of(newest)).isEqualTo(3);
        assertThat(results.of(none)).isEmpty();
        assertThat(jdbc().query(older)).containsExactly("key-1", "key-2");
        Jdbc.Read<List<String>> another = Jdbc.Read.rows("SELECT key_id FROM signing_keys", row -> row.getString(1), List.of());
        assertThatThrownBy(() -> results.of(another)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reads_in_a_transaction_see_its_writes() {
        Jdbc.Read<List<String>> keys = Jdbc.Read.rows("SELECT key_id FROM signing_keys ORDER BY key_id",
                row -> row.getString(1), List.of());
        Jdbc.Read<List<Integer>> generations = Jdbc.Read.rows("SELECT generation FROM signing_keys ORDER BY generation",
                row -> row.getInt(1), List.of());

        Jdbc.Results results = jdbc().inTransaction(tx -> {
            tx.update(Jdbc.Write.of(INSERT_KEY + " VALUES (?, ?, ?, ?)", "key-7", 7, "{}", Times.MORNING_RUN));
            return tx.queryAll(List.of(keys, generations));
        });

        assertThat(results.of(keys)).containsExactly("key-7");
        assertThat(results.of(generations)).containsExactly(7);
    }

    @Test
    void a_failing_read_fails_the_call() {
        Jdbc.Read<List<String>> fine = Jdbc.Read.rows("SELECT key_id FROM signing_keys", row -> row.getString(1), List.of());
        Jdbc.Read<List<String>> broken = Jdbc.Read.rows("SELECT no_such_column FROM signing_keys", row -> row.getString(1),
                List.of());

        assertThatThrownBy(() -> jdbc().queryAll(List.of(fine, broken))).isInstanceOf(SqlStoreException.class);
    }

    @Test
    void a_read_is_one_statement() {
        assertThatThrownBy(() -> Jdbc.Read.rows("SELECT 1; DROP TABLE signing_keys", row -> row.getInt(1), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Object> key(String keyId, int generation) {
        return List.of(keyId, generation, "{}", Times.MORNING_RUN);
    }
}
