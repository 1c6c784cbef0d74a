package com.milkrun.server.workflow;

import com.milkrun.app.api.TestConfigs;
import com.milkrun.store.sql.testing.PostgresTestDatabase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** The environment of a server process under test: the test configuration, a database, the workflow's pace. */
final class ServerEnvironments {
    private ServerEnvironments() {
    }

    /** Creates the test's PostgreSQL database, or skips the test with the reason (fails instead under {@code CI=true}). */
    static void startOrSkip(PostgresTestDatabase postgres) {
        try {
            postgres.start();
        } catch (RuntimeException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw e;
            }
            Assumptions.abort("PostgreSQL is not reachable, so the workflow is not tested on it here: " + e.getMessage());
        }
    }

    static Map<String, String> postgres(PostgresTestDatabase postgres, Map<String, String> workflow) {
        return with(Map.of("MILKRUN_STORE", "sql", "MILKRUN_DB_URL", postgres.jdbcUrl(), "MILKRUN_DB_USER", postgres.user(),
                "MILKRUN_DB_PASSWORD", postgres.password()), workflow);
    }

    /** An H2 database in a file under {@code dir}: one process at a time may open it. */
    static Map<String, String> h2File(Path dir, Map<String, String> workflow) {
        return with(Map.of("MILKRUN_STORE", "sql", "MILKRUN_DB_URL", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath(),
                "MILKRUN_DB_USER", "sa", "MILKRUN_DB_PASSWORD", ""), workflow);
    }

    private static Map<String, String> with(Map<String, String> store, Map<String, String> workflow) {
        Map<String, String> env = new HashMap<>(TestConfigs.base(store));
        env.put("MILKRUN_WORKFLOW_RUNNER", "true");
        env.putAll(workflow);
        return env;
    }
}
