package com.milkrun.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.testing.Users;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlDatabaseTest {
    @TempDir
    Path folder;

    @Test
    void tells_the_dialect_from_the_url() {
        assertThat(SqlDialect.fromUrl("jdbc:h2:file:./data/milkrun")).isEqualTo(SqlDialect.H2);
        assertThat(SqlDialect.fromUrl("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEqualTo(SqlDialect.H2);
        assertThat(SqlDialect.fromUrl("jdbc:postgresql://db.internal:5432/milkrun")).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.fromUrl("JDBC:POSTGRESQL://db/milkrun")).isEqualTo(SqlDialect.POSTGRESQL);
    }

    @Test
    void an_h2_file_database_writes_every_commit_at_once_unless_the_url_says_otherwise() {
        assertThat(SqlDatabase.durable("jdbc:h2:file:./data/milkrun")).isEqualTo("jdbc:h2:file:./data/milkrun;WRITE_DELAY=0");
        assertThat(SqlDatabase.durable("jdbc:h2:./data/milkrun;MODE=PostgreSQL")).isEqualTo("jdbc:h2:./data/milkrun;MODE=PostgreSQL;WRITE_DELAY=0");
        assertThat(SqlDatabase.durable("jdbc:h2:file:/db;write_delay=100")).isEqualTo("jdbc:h2:file:/db;write_delay=100");
        assertThat(SqlDatabase.durable("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1");
        assertThat(SqlDatabase.durable("jdbc:postgresql://db/milkrun")).isEqualTo("jdbc:postgresql://db/milkrun");
    }

    @Test
    void refuses_a_database_it_does_not_support_without_showing_url_parameters() {
        assertThatThrownBy(() -> SqlDatabase.open("jdbc:mysql://db/milkrun?password=secret", "u", "p", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:mysql://db/milkrun")
                .hasMessageNotContaining("secret");
    }

    @Test
    void keeps_an_h2_file_database_across_restarts_and_migrates_only_once() {
        String url = "jdbc:h2:file:" + folder.resolve("milkrun");
        try (SqlDatabase first = SqlDatabase.open(url, "sa", "", 2)) {
            assertThat(first.dialect()).isEqualTo(SqlDialect.H2);
            SqlStores.of(first, Clock.systemUTC()).users().create(Users.asha());
        }

        try (SqlDatabase again = SqlDatabase.open(url, "sa", "", 2)) {
            assertThat(SqlStores.of(again, Clock.systemUTC()).users().get("user-asha")).isPresent();
            assertThat(again.jdbc().query("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL'"
                    + " ORDER BY \"installed_rank\"", row -> row.getString(1))).containsExactly("1", "2", "3", "4", "5", "6", "7");
        }
    }

    @Test
    void answers_ping_while_open_and_not_after_close() {
        SqlDatabase database = SqlDatabase.open("jdbc:h2:mem:ping;DB_CLOSE_DELAY=-1", "sa", "", 1);
        assertThat(database.ping()).isTrue();

        database.close();

        assertThat(database.ping()).isFalse();
    }
}
