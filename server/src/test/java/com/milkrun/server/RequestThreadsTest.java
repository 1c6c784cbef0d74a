package com.milkrun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.app.Config;
import com.milkrun.app.api.TestConfigs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests run on virtual threads from JDK 24 on (where waiting inside a {@code synchronized} block no longer pins a
 * carrier) and on the platform pool before, unless {@code MILKRUN_HTTP_VIRTUAL_THREADS} says otherwise; either way
 * the server answers alike, also many requests at once.
 */
class RequestThreadsTest {
    @Test
    void the_default_follows_the_jdk_and_the_setting_overrides_it() {
        boolean monitorsUnpinned = Runtime.version().feature() >= 24;

        assertThat(Config.from(Map.of()).virtualThreads()).isEqualTo(monitorsUnpinned);
        assertThat(Config.from(Map.of("MILKRUN_HTTP_VIRTUAL_THREADS", "false")).virtualThreads()).isFalse();
        assertThat(Config.from(Map.of("MILKRUN_HTTP_VIRTUAL_THREADS", "true")).virtualThreads()).isTrue();
    }

    @ParameterizedTest(name = "virtual threads: {0}")
    @ValueSource(booleans = {true, false})
    void requests_are_answered_on_the_threads_asked_for(boolean virtual) throws Exception {
        Config config = Config.from(TestConfigs.base(Map.of("MILKRUN_STORE", "sql",
                "MILKRUN_DB_URL", "jdbc:h2:mem:threads-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "MILKRUN_DB_POOL_SIZE", "4", "MILKRUN_HTTP_VIRTUAL_THREADS", String.valueOf(virtual))));
        try (LocalServer server = LocalServer.start(config)) {
            assertThat(server.requestsOnVirtualThreads()).isEqualTo(virtual);

            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"customer@milkrun.dev\",\"password\":\"MilkRun@2026\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("\"idToken\"");

            // ten times as many requests at once as the pool has database connections
            List<CompletableFuture<HttpResponse<String>>> many = IntStream.range(0, 40)
                    .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(URI.create(base + "/products?limit=5")).build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .toList();
            for (CompletableFuture<HttpResponse<String>> answer : many) {
                assertThat(answer.get().statusCode()).isEqualTo(200);
                assertThat(answer.get().body()).contains("\"items\"");
            }
        }
    }
}
