package com.milkrun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.app.api.ApiClient;
import com.milkrun.app.api.TestConfigs;
import com.milkrun.demo.DemoData;
import com.milkrun.http.ApiRequest;
import com.milkrun.http.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The meters of a MilkRun on SQL, as a Prometheus scrape shows them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsTest {
    private MilkRun app;
    private ApiClient api;

    @BeforeAll
    void start() {
        app = MilkRun.start(TestConfigs.h2());
        api = new ApiClient(app.router()::handle);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void a_route_just_called_shows_in_the_request_meter_by_its_action_and_status_never_its_path() {
        double before = value("milkrun_http_requests_seconds_count", Map.of("action", "GetProduct", "method", "GET", "status", "200"))
                .orElse(0);

        assertThat(api.get("/products/prod-milk-500ml").status()).isEqualTo(200);
        assertThat(api.get("/products/prod-no-such-milk").status()).isEqualTo(404);
        assertThat(api.get("/no/such/route/at-all").status()).isEqualTo(404);

        String scrape = scrape();
        assertThat(value("milkrun_http_requests_seconds_count", Map.of("action", "GetProduct", "method", "GET", "status", "200")))
                .hasValue(before + 1);
        assertThat(value("milkrun_http_requests_seconds_count", Map.of("action", "GetProduct", "method", "GET", "status", "404")))
                .isPresent();
        assertThat(value("milkrun_http_requests_seconds_count", Map.of("action", "Unmatched", "method", "GET", "status", "404")))
                .isPresent();
        assertThat(scrape).contains("milkrun_http_requests_seconds_bucket{").doesNotContain("prod-no-such-milk", "at-all");
    }

    @Test
    void an_order_placed_increments_the_orders_meter_and_its_replay_does_not() {
        double before = value("milkrun_orders_placed_total", Map.of()).orElse(0);
        String token = api.post("/auth/login", Map.of("email", DemoData.CUSTOMER_EMAIL, "password", DemoData.PASSWORD)).text("idToken");
        String key = UUID.randomUUID().toString();

        ApiClient.Answer placed = placeOrder(token, key);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placeOrder(token, key).status()).isEqualTo(200);

        assertThat(value("milkrun_orders_placed_total", Map.of())).hasValue(before + 1);
        assertThat(value("milkrun_http_requests_seconds_count", Map.of("action", "CreateOrder", "method", "POST", "status", "201")))
                .isPresent();
    }

    @Test
    void the_scrape_has_the_jvm_the_database_pool_the_workflow_and_the_email_outbox() {
        String scrape = scrape();

        assertThat(scrape).contains("jvm_memory_used_bytes{", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                "process_cpu_usage", "process_uptime_seconds", "jvm_gc_");
        assertThat(scrape).contains("hikaricp_connections_active{", "hikaricp_connections_max{");
        assertThat(value("milkrun_workflow_runs_running", Map.of())).isPresent();
        assertThat(value("milkrun_workflow_oldest_running_age_seconds", Map.of())).isPresent();
        assertThat(value("milkrun_email_outbox", Map.of("status", "Pending"))).isPresent();
        assertThat(value("milkrun_email_outbox", Map.of("status", "Dead"))).isPresent();
    }

    @Test
    void a_workflow_run_waiting_for_a_runner_shows_as_running_in_its_state() {
        Map<String, String> env = new HashMap<>(TestConfigs.base(Map.of("MILKRUN_STORE", "memory", "MILKRUN_WORKFLOW_RUNNER", "false")));
        try (MilkRun idle = MilkRun.start(Config.from(env))) {
            ApiClient idleApi = new ApiClient(idle.router()::handle);
            String token = idleApi.post("/auth/login", Map.of("email", DemoData.CUSTOMER_EMAIL, "password", DemoData.PASSWORD))
                    .text("idToken");
            ApiClient.Answer placed = placeOrder(idleApi, token, UUID.randomUUID().toString());
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);

            String scrape = idle.metrics().orElseThrow().scrape().orElseThrow();

            assertThat(value(scrape, "milkrun_workflow_runs_running", Map.of())).hasValue(1);
            assertThat(value(scrape, "milkrun_workflow_runs", Map.of("status", "Running"))).hasValue(1);
            assertThat(value(scrape, "milkrun_workflow_oldest_running_age_seconds", Map.of())).isPresent();
        }
    }

    @Test
    void a_milkrun_without_metrics_keeps_none() {
        Map<String, String> env = new HashMap<>(TestConfigs.base(Map.of("MILKRUN_STORE", "memory", "MILKRUN_METRICS", "false")));
        try (MilkRun quiet = MilkRun.start(Config.from(env))) {
            assertThat(quiet.metrics()).isEmpty();
            assertThat(quiet.router().handle(ApiClient.request("GET", "/health", Map.of(), new byte[0])).status()).isEqualTo(200);
        }
    }

    private ApiClient.Answer placeOrder(String token, String key) {
        return placeOrder(api, token, key);
    }

    private static ApiClient.Answer placeOrder(ApiClient api, String token, String key) {
        Map<String, Object> body = Map.of("items", List.of(Map.of("productId", "prod-milk-500ml", "vendorId", "vendor-001",
                "quantity", 2)), "deliveryDate", firstDeliveryDate().toString(), "addressId", "addr-home");
        ApiRequest request = ApiClient.request("POST", "/orders", Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + token, "Idempotency-Key", key), Json.write(body));
        return api.send(request);
    }

    private static LocalDate firstDeliveryDate() {
        var now = Instant.now().atZone(ZoneId.of("Asia/Kolkata"));
        return now.toLocalTime().isBefore(LocalTime.of(22, 0)) ? now.toLocalDate().plusDays(1) : now.toLocalDate().plusDays(2);
    }

    private String scrape() {
        return app.metrics().orElseThrow().scrape().orElseThrow();
    }

    /** The value of the one sample named {@code name} whose labels include {@code labels}. */
    private OptionalDouble value(String name, Map<String, String> labels) {
        return value(scrape(), name, labels);
    }

    private static OptionalDouble value(String scrape, String name, Map<String, String> labels) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})?\\s+(\\S+)$", Pattern.MULTILINE);
        Matcher m = sample.matcher(scrape);
        while (m.find()) {
            String found = Optional.ofNullable(m.group(1)).orElse("");
            if (labels.entrySet().stream().allMatch(l -> found.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                return OptionalDouble.of(Double.parseDouble(m.group(2)));
            }
        }
        return OptionalDouble.empty();
    }
}
