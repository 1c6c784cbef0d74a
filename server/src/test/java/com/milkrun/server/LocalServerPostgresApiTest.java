package com.milkrun.server;

import com.milkrun.app.Config;
import com.milkrun.app.api.ApiTransport;
import com.milkrun.app.api.TestConfigs;
import com.milkrun.store.sql.testing.PostgresTestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/** The API contract over real HTTP on PostgreSQL, the store MilkRun scales out on. */
class LocalServerPostgresApiTest extends LocalServerApiTest {
    private PostgresTestDatabase postgres;

    @Override
    protected ApiTransport startTransport() throws Exception {
        postgres = new PostgresTestDatabase();
        try {
            postgres.start();
        } catch (RuntimeException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw e;
            }
            Assumptions.abort("PostgreSQL is not reachable, so the API is not tested on it here: " + e.getMessage());
        }
        Config config = Config.from(TestConfigs.base(Map.of("MILKRUN_STORE", "sql", "MILKRUN_DB_URL", postgres.jdbcUrl(),
                "MILKRUN_DB_USER", postgres.user(), "MILKRUN_DB_PASSWORD", postgres.password())));
        ApiTransport transport = over(LocalServer.start(config));
        return new ApiTransport() {
            @Override
            public com.milkrun.http.ApiResponse send(com.milkrun.http.ApiRequest request) {
                return transport.send(request);
            }

            @Override
            public com.milkrun.app.MilkRun app() {
                return transport.app();
            }

            @Override
            public void close() {
                transport.close();
                postgres.close();
            }
        };
    }
}
