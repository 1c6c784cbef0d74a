package com.milkrun.server.races;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.app.Config;
import com.milkrun.app.api.TestConfigs;
import com.milkrun.server.LocalServer;
import com.milkrun.store.sql.testing.PostgresTestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two MilkRun server processes on one PostgreSQL database, taking orders for the same products at the same time:
 * no oversell, one order per idempotency key, and a token issued by one server works on the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoServersOnPostgresTest {
    private final PostgresTestDatabase postgres = new PostgresTestDatabase();
    private LocalServer first;
    private Process second;
    private HttpShop shopA;
    private HttpShop shopB;
    private List<String> customers;
    private String vendor;

    @BeforeAll
    void start() throws Exception {
        OrderRacesPostgresTest.Races.startOrSkip(postgres);
        Map<String, String> env = TestConfigs.base(Map.of("MILKRUN_STORE", "sql", "MILKRUN_DB_URL", postgres.jdbcUrl(),
                "MILKRUN_DB_USER", postgres.user(), "MILKRUN_DB_PASSWORD", postgres.password(), "MILKRUN_DB_POOL_SIZE", "12"));
        first = LocalServer.start(Config.from(env));
        int port = freePort();
        second = startSecondProcess(env, port);
        shopA = new HttpShop(first.port());
        shopB = new HttpShop(port);
        awaitHealthy(shopB, Duration.ofSeconds(60));
        vendor = shopA.vendorToken();
        customers = IntStream.range(0, 6).mapToObj(i -> shopA.newCustomer()).toList();
    }

    @AfterAll
    void stop() {
        if (second != null) {
            second.destroy();
        }
        if (first != null) {
            first.close();
        }
        postgres.close();
    }

    @Test
    void both_servers_together_never_sell_more_than_there_is() throws Exception {
        String product = shopA.newProduct(vendor, 30);
        List<HttpShop.Answer> answers = Racing.race(120, i -> (i % 2 == 0 ? shopA : shopB)
                .order(customers.get(i % customers.size()), UUID.randomUUID().toString(), product, "vendor-001", 1));
        assertThat(answers).extracting(HttpShop.Answer::status).allMatch(s -> s == 201 || s == 400);
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(30);
        assertThat(shopA.vendorProduct(vendor, product).get("reserved").asInt()).isEqualTo(30);
        assertThat(shopB.vendorProduct(vendor, product).get("reserved").asInt()).isEqualTo(30);
    }

    @Test
    void one_idempotency_key_sent_to_both_servers_makes_one_order() throws Exception {
        String product = shopA.newProduct(vendor, 100);
        String key = UUID.randomUUID().toString();
        String customer = customers.get(0);
        List<HttpShop.Answer> answers = Racing.race(20, i -> (i % 2 == 0 ? shopA : shopB).order(customer, key, product, "vendor-001", 3));
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers).extracting(a -> a.text("orderId")).containsOnly(answers.get(0).text("orderId"));
        assertThat(shopB.vendorProduct(vendor, product).get("reserved").asInt()).isEqualTo(3);
    }

    /** The same JVM and class path as this test, running the server's main class. */
    private static Process startSecondProcess(Map<String, String> env, int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "com.milkrun.server.LocalServer");
        Map<String, String> childEnv = builder.environment();
        childEnv.putAll(env);
        childEnv.putAll(new HashMap<>(Map.of("MILKRUN_PORT", Integer.toString(port))));
        builder.redirectErrorStream(true);
        builder.redirectOutput(new File("target/second-server.log"));
        return builder.start();
    }

    private void awaitHealthy(HttpShop shop, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!second.isAlive()) {
                throw new IllegalStateException("the second server exited early; see server/target/second-server.log");
            }
            try {
                if (shop.send("GET", "/health", null, null, Map.of()).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet: poll again until the deadline
            }
            java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new IllegalStateException("the second server did not become healthy within " + timeout);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
