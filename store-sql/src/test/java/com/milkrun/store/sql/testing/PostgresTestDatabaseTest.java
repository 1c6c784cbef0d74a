package com.milkrun.store.sql.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PostgresTestDatabaseTest {
    @Test
    void points_the_url_at_the_test_database_keeping_host_and_parameters() {
        assertThat(PostgresTestDatabase.withDatabase("jdbc:postgresql://127.0.0.1:5432/postgres", "milkrun_test_1"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/milkrun_test_1");
        assertThat(PostgresTestDatabase.withDatabase("jdbc:postgresql://db:6543/postgres?sslmode=disable", "t"))
                .isEqualTo("jdbc:postgresql://db:6543/t?sslmode=disable");
        assertThat(PostgresTestDatabase.withDatabase("jdbc:postgresql://db?user=me", "t"))
                .isEqualTo("jdbc:postgresql://db/t?user=me");
        assertThat(PostgresTestDatabase.withDatabase("jdbc:postgresql://a:1,b:2/postgres", "t"))
                .isEqualTo("jdbc:postgresql://a:1,b:2/t");
    }

    @Test
    void refuses_a_url_that_is_not_postgresql() {
        assertThatThrownBy(() -> PostgresTestDatabase.withDatabase("jdbc:h2:mem:x", "t"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void skips_locally_and_fails_under_ci_when_the_server_is_unreachable() {
        PostgresTestDatabase nowhere = new PostgresTestDatabase("jdbc:postgresql://127.0.0.1:1/postgres", "postgres", "x");

        if ("true".equals(System.getenv("CI"))) {
            assertThatThrownBy(nowhere::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not reachable at jdbc:postgresql://127.0.0.1:1/postgres")
                    .hasMessageContaining("CI=true");
        } else {
            assertThatThrownBy(nowhere::start).isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("not reachable at jdbc:postgresql://127.0.0.1:1/postgres")
                    .hasMessageContaining("Skipping");
        }
    }
}
