package com.milkrun.server.races;

import com.milkrun.app.Config;
import com.milkrun.app.api.TestConfigs;
import com.milkrun.server.LocalServer;
import com.milkrun.store.sql.testing.PostgresTestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;

/** The order races on PostgreSQL. */
class OrderRacesPostgresTest extends OrderRacesContract {
    private final PostgresTestDatabase postgres = new PostgresTestDatabase();

    @Override
    protected LocalServer startServer() throws Exception {
        Races.startOrSkip(postgres);
        return LocalServer.start(Config.from(TestConfigs.base(Map.of("MILKRUN_STORE", "sql", "MILKRUN_DB_URL", postgres.jdbcUrl(),
                "MILKRUN_DB_USER", postgres.user(), "MILKRUN_DB_PASSWORD", postgres.password(), "MILKRUN_DB_POOL_SIZE", "16"))));
    }

    @AfterAll
    void dropDatabase() {
        postgres.close();
    }

    /** Shared by the PostgreSQL race tests. */
    static final class Races {
        private Races() {
        }

        static void startOrSkip(PostgresTestDatabase postgres) {
            try {
                postgres.start();
            } catch (RuntimeException e) {
                if ("true".equals(System.getenv("CI"))) {
                    throw e;
                }
                Assumptions.abort("PostgreSQL is not reachable, so the races are not run on it here: " + e.getMessage());
            }
        }
    }
}
