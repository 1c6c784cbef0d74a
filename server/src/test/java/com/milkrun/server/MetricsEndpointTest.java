package com.milkrun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.app.Config;
import com.milkrun.app.api.TestConfigs;
import com.milkrun.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} on the local server: Prometheus's text, open or behind the configured bearer token. */
class MetricsEndpointTest {
    private static final String TOKEN = "scrape-me-9f2c41";

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void without_a_token_configured_anyone_may_scrape_and_sees_the_requests_just_made() throws Exception {
        try (LocalServer server = LocalServer.start(config(Map.of()))) {
            assertThat(send(server, "GET", "/products", Map.of("Accept", "application/json")).statusCode()).isEqualTo(200);

            HttpResponse<String> scrape = send(server, "GET", "/metrics", Map.of());

            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
            assertThat(scrape.body()).contains("milkrun_http_requests_seconds_count{action=\"ListProducts\",method=\"GET\",status=\"200\"}",
                    "jvm_memory_used_bytes", "milkrun_orders_placed_total");
        }
    }

    @Test
    void with_a_token_configured_only_its_bearer_may_scrape() throws Exception {
        try (LocalServer server = LocalServer.start(config(Map.of("MILKRUN_METRICS_TOKEN", TOKEN)))) {
            HttpResponse<String> anonymous = send(server, "GET", "/metrics", Map.of("Accept", "text/html"));
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(Json.parse(anonymous.body()).path("error").asText()).isEqualTo("Unauthorized");

            HttpResponse<String> wrong = send(server, "GET", "/metrics", Map.of("Authorization", "Bearer " + TOKEN + "x"));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(send(server, "GET", "/metrics", Map.of("Authorization", "Basic " + TOKEN)).statusCode()).isEqualTo(401);

            HttpResponse<String> scraper = send(server, "GET", "/metrics", Map.of("Authorization", "Bearer " + TOKEN));
            assertThat(scraper.statusCode()).isEqualTo(200);
            assertThat(scraper.body()).contains("process_uptime_seconds");
        }
    }

    @Test
    void metrics_refuse_other_methods_in_the_json_envelope() throws Exception {
        try (LocalServer server = LocalServer.start(config(Map.of()))) {
            HttpResponse<String> post = send(server, "POST", "/metrics", Map.of());

            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).hasValue("GET, HEAD");
            assertThat(Json.parse(post.body()).path("error").asText()).isEqualTo("MethodNotAllowed");
        }
    }

    @Test
    void with_metrics_turned_off_there_is_no_such_route() throws Exception {
        try (LocalServer server = LocalServer.start(config(Map.of("MILKRUN_METRICS", "false")))) {
            HttpResponse<String> scrape = send(server, "GET", "/metrics", Map.of("Accept", "application/json"));

            assertThat(scrape.statusCode()).isEqualTo(404);
            assertThat(Json.parse(scrape.body()).path("error").asText()).isEqualTo("NotFound");
        }
    }

    private static Config config(Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(settings);
        env.put("MILKRUN_STORE", "memory");
        return Config.from(TestConfigs.base(env));
    }

    private HttpResponse<String> send(LocalServer server, String method, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
