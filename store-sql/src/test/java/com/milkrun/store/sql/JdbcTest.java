package com.milkrun.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.store.sql.testing.H2TestDatabase;
import com.milkrun.testing.Times;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
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
    void rolls_back_what_a_transaction_wrote_before_an_error_and_commits_none_of_it_later() {
        Jdbc jdbc = DATABASE.database().jdbc();

        assertThatThrownBy(() -> jdbc.inTransaction(tx -> {
            insertKey(tx, "key-1");
            throw new StackOverflowError("deep in the work");
        })).isInstanceOf(StackOverflowError.class);
        jdbc.inTransaction(tx -> {
            insertKey(tx, "key-2");
            return null;
        });

        assertThat(jdbc.query("SELECT key_id FROM signing_keys", row -> row.getString(1))).containsExactly("key-2");
    }

    @Test
    void a_transaction_whose_rollback_fails_is_not_committed_by_handing_the_connection_back() {
        DataSource pool = DATABASE.database().dataSource();
        Jdbc jdbc = new Jdbc(rollbackFails(pool));

        assertThatThrownBy(() -> jdbc.inTransaction(tx -> {
            insertKey(tx, "key-1");
            throw new IllegalStateException("the work failed");
        })).isInstanceOf(IllegalStateException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));

        assertThat(new Jdbc(pool).query("SELECT key_id FROM signing_keys", row -> row.getString(1))).isEmpty();
    }

    /** The pool's connections, except that {@code rollback()} fails, as it does when the connection has a problem. */
    private static DataSource rollbackFails(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(JdbcTest.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (ds, method, args) -> {
                    Object result = invoke(method, pool, args);
                    if (!(result instanceof Connection connection)) {
                        return result;
                    }
                    return Proxy.newProxyInstance(JdbcTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (c, call, callArgs) -> {
                                if (call.getName().equals("rollback") && (callArgs == null || callArgs.length == 0)) {
                                    throw new SQLException("rollback failed");
                                }
                                return invoke(call, connection, callArgs);
                            });
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
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
