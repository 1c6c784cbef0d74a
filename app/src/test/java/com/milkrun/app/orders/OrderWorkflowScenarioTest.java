package com.milkrun.app.orders;

import com.milkrun.testing.ManualClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.milkrun.app.Config;
import com.milkrun.app.MilkRun;
import com.milkrun.app.api.ApiClient;
import com.milkrun.app.api.TestConfigs;
import com.milkrun.demo.DemoData;
import com.milkrun.orders.OrderSteps;
import com.milkrun.workflow.StepHandler;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The order workflow seen through the API, with the runner driven by hand ({@code drain}) and a clock moved by hand,
 * on the demo data: Asha orders from two dairies at 15:30 IST on 25 November 2026 for the next morning.
 */
class OrderWorkflowScenarioTest {
    private static final Instant AFTERNOON_IN_VADODARA = Instant.parse("2026-11-25T10:00:00Z");
    private static final String RAVI = "vendor@milkrun.dev";
    private static final String KIRAN = "vrindavan@milkrun.dev";

    private final ManualClock clock = new ManualClock(AFTERNOON_IN_VADODARA);
    private final AtomicBoolean customerNoticesFail = new AtomicBoolean();
    private MilkRun app;
    private ApiClient api;
    private GreenMail smtp;

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void the_workflow_tells_each_dairy_its_own_lines_confirms_the_order_and_tells_asha_once() {
        open(Map.of());
        String asha = login(DemoData.CUSTOMER_EMAIL);
        JsonNode placed = placeTwoDairyOrder(asha, "key-confirm");
        String orderId = placed.path("orderId").asText();
        assertThat(placed.path("status").asText()).isEqualTo("Pending");

        // The run was stored with the order and waits at its first state until the runner works on it.
        JsonNode run = onlyRunOf(orderId);
        assertThat(run.path("runId").asText()).as("named after its order, so found by its key")
                .isEqualTo(orderId.replaceFirst("^order-", "run-"));
        assertThat(run.path("status").asText()).isEqualTo("Running");
        assertThat(run.path("currentState").asText()).isEqualTo("NotifyVendors");

        app.engine().drain();

        JsonNode order = api.get("/orders/" + orderId, asha).json();
        assertThat(order.path("status").asText()).isEqualTo("Confirmed");
        assertThat(whats(order)).containsExactly("Placed", "VendorsNotified", "Confirmed");
        assertThat(order.path("timeline").get(2).path("byKind").asText()).isEqualTo("workflow");
        assertThat(order.path("timeline").get(2).path("by").asText()).isEqualTo("UpdateOrderStatus");

        // Each dairy hears about its own lines only.
        List<JsonNode> raviNotes = notesAbout(login(RAVI), orderId);
        assertThat(raviNotes).hasSize(1);
        assertThat(raviNotes.get(0).path("body").asText()).contains("Organic Milk 500ml").doesNotContain("Toned Milk");
        List<JsonNode> kiranNotes = notesAbout(login(KIRAN), orderId);
        assertThat(kiranNotes).hasSize(1);
        assertThat(kiranNotes.get(0).path("body").asText()).contains("Toned Milk 500ml").doesNotContain("Organic Milk");
        assertThat(notesAbout(asha, orderId)).extracting(n -> n.path("subject").asText()).containsExactly("Order confirmed: " + orderId);

        // The run ended where the definition ends, with its history.
        JsonNode finished = api.get("/admin/workflow/runs/" + run.path("runId").asText(), admin()).json();
        assertThat(finished.path("status").asText()).isEqualTo("Succeeded");
        assertThat(finished.path("retryable").asBoolean()).isFalse();
        List<String> entered = new ArrayList<>();
        finished.path("events").forEach(e -> {
            if (e.path("type").asText().equals("StateEntered")) {
                entered.add(e.path("state").asText());
            }
        });
        assertThat(entered).containsExactly("NotifyVendors", "UpdateOrderStatus", "CheckConfirmed", "NotifyCustomer",
                "OrderProcessingComplete");

        // Working again on everything due changes nothing: no message twice.
        app.engine().drain();
        assertThat(notesAbout(login(RAVI), orderId)).hasSize(1);
        assertThat(notesAbout(asha, orderId)).hasSize(1);
        assertThat(whats(api.get("/orders/" + orderId, asha).json())).hasSize(3);
    }

    @Test
    void a_dairy_rejecting_its_lines_fails_the_order_gives_the_stock_back_and_tells_asha_why() {
        open(Map.of());
        String asha = login(DemoData.CUSTOMER_EMAIL);
        String orderId = placeTwoDairyOrder(asha, "key-reject").path("orderId").asText();
        app.engine().drain();
        int tonedBefore = available("prod-vrindavan-toned-milk-500ml");

        String ravi = login(RAVI);
        ApiClient.Answer accepted = api.post("/vendor/orders/" + orderId + "/accept", null, ravi);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.json().path("decision").asText()).isEqualTo("Accepted");

        String kiran = login(KIRAN);
        ApiClient.Answer missingReason = api.post("/vendor/orders/" + orderId + "/reject", Map.of("reason", "  "), kiran);
        assertThat(missingReason.status()).isEqualTo(400);
        assertThat(missingReason.json().path("errors").get(0).path("field").asText()).isEqualTo("reason");

        ApiClient.Answer rejected = api.post("/vendor/orders/" + orderId + "/reject",
                Map.of("reason", "Our toned milk is sold out tomorrow"), kiran);
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.json().path("orderStatus").asText()).isEqualTo("Failed");

        JsonNode order = api.get("/orders/" + orderId, asha).json();
        assertThat(order.path("status").asText()).isEqualTo("Failed");
        assertThat(order.path("failureReason").asText()).contains("Vrindavan Gaushala").contains("sold out");
        assertThat(whats(order)).containsExactly("Placed", "VendorsNotified", "Confirmed", "VendorAccepted", "VendorRejected");
        assertThat(available("prod-vrindavan-toned-milk-500ml")).isEqualTo(tonedBefore + 4);
        assertThat(notesAbout(asha, orderId)).extracting(n -> n.path("subject").asText())
                .contains("Order could not be completed: " + orderId);
        assertThat(notesAbout(ravi, orderId)).extracting(n -> n.path("subject").asText())
                .contains("Order cancelled: " + orderId);

        assertThat(api.post("/vendor/orders/" + orderId + "/reject", Map.of("reason", "again"), kiran).error())
                .isEqualTo("AlreadyDecided");
        assertThat(api.post("/vendor/orders/" + orderId + "/accept", null, login("sabarmati@milkrun.dev")).status())
                .as("a dairy without lines in the order").isEqualTo(404);
    }

    @Test
    void cancelling_while_the_workflow_runs_stops_it_releases_the_stock_and_tells_both_sides() {
        open(Map.of());
        String asha = login(DemoData.CUSTOMER_EMAIL);
        int milkBefore = available("prod-milk-500ml");
        String orderId = placeTwoDairyOrder(asha, "key-cancel").path("orderId").asText();
        assertThat(available("prod-milk-500ml")).isEqualTo(milkBefore - 2);

        ApiClient.Answer cancelled = api.post("/orders/" + orderId + "/cancel", null, asha);
        assertThat(cancelled.status()).isEqualTo(200);
        JsonNode run = onlyRunOf(orderId);
        assertThat(run.path("status").asText()).isEqualTo("Aborted");

        app.engine().drain();
        JsonNode order = api.get("/orders/" + orderId, asha).json();
        assertThat(order.path("status").asText()).isEqualTo("Cancelled");
        assertThat(whats(order)).containsExactly("Placed", "Cancelled");
        assertThat(available("prod-milk-500ml")).isEqualTo(milkBefore);
        assertThat(notesAbout(asha, orderId)).extracting(n -> n.path("subject").asText()).containsExactly("Order cancelled: " + orderId);
        assertThat(notesAbout(login(RAVI), orderId)).extracting(n -> n.path("subject").asText())
                .containsExactly("Order cancelled: " + orderId);
    }

    @Test
    void a_step_failing_past_its_retries_fails_the_run_and_the_admin_retries_it_from_there() {
        open(Map.of());
        String asha = login(DemoData.CUSTOMER_EMAIL);
        customerNoticesFail.set(true);
        String orderId = placeTwoDairyOrder(asha, "key-redrive").path("orderId").asText();
        app.engine().drain();
        // NotifyCustomer is retried 2 s, 4 s and 8 s after each failure, then the run fails in that state.
        for (int wait : new int[] {2, 4, 8}) {
            JsonNode waiting = onlyRunOf(orderId);
            assertThat(waiting.path("status").asText()).isEqualTo("Running");
            assertThat(Duration.between(clock.instant(), Instant.parse(waiting.path("nextAttemptAt").asText())))
                    .isEqualTo(Duration.ofSeconds(wait));
            clock.advance(Duration.ofSeconds(wait));
            app.engine().drain();
        }
        JsonNode failed = onlyRunOf(orderId);
        assertThat(failed.path("status").asText()).isEqualTo("Failed");
        assertThat(failed.path("currentState").asText()).isEqualTo("NotifyCustomer");
        assertThat(failed.path("retryable").asBoolean()).isTrue();
        assertThat(api.get("/admin/workflow/runs?status=Failed", admin()).json().path("items"))
                .extracting(r -> r.path("orderId").asText()).contains(orderId);
        // The order itself stays confirmed: only the message to Asha is missing.
        assertThat(api.get("/orders/" + orderId, asha).json().path("status").asText()).isEqualTo("Confirmed");
        assertThat(notesAbout(asha, orderId)).isEmpty();

        customerNoticesFail.set(false);
        ApiClient.Answer retried = api.post("/admin/workflow/runs/" + failed.path("runId").asText() + "/retry", null, admin());
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("status").asText()).isEqualTo("Running");
        app.engine().drain();

        assertThat(onlyRunOf(orderId).path("status").asText()).isEqualTo("Succeeded");
        assertThat(notesAbout(asha, orderId)).hasSize(1);
        assertThat(api.post("/admin/workflow/runs/" + failed.path("runId").asText() + "/retry", null, admin()).error())
                .isEqualTo("RunNotRetryable");
        assertThat(api.get("/admin/workflow/runs", asha).status()).as("customers do not see runs").isEqualTo(403);
    }

    @Test
    void an_email_that_keeps_failing_goes_to_the_dead_letters_and_the_admin_sends_it_again() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // The mail server is down: every attempt is refused.
        open(Map.of("MILKRUN_SMTP_HOST", "127.0.0.1", "MILKRUN_SMTP_PORT", Integer.toString(port),
                "MILKRUN_SMTP_STARTTLS", "false", "MILKRUN_SMTP_TIMEOUT_SECONDS", "2"));
        String asha = login(DemoData.CUSTOMER_EMAIL);
        String orderId = placeTwoDairyOrder(asha, "key-email").path("orderId").asText();
        app.engine().drain();
        String confirmation = notesAbout(asha, orderId).get(0).path("notificationId").asText();
        for (int wait : new int[] {2, 4, 8}) {
            clock.advance(Duration.ofSeconds(wait));
            app.notifications().sendDue();
        }
        JsonNode dead = deliveries("Dead").stream().filter(d -> d.path("notificationId").asText().equals(confirmation))
                .findFirst().orElseThrow();
        assertThat(dead.path("attempts").asInt()).isEqualTo(4);
        assertThat(dead.path("lastError").asText()).isNotBlank();
        // The in-app inbox had it all along.
        assertThat(notesAbout(asha, orderId)).hasSize(1);

        // The mail server is back; the admin retries the dead letter and it goes out.
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        ApiClient.Answer retried = api.post("/admin/emails/" + confirmation + "/retry", null, admin());
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("status").asText()).isEqualTo("Sent");
        assertThat(smtp.getReceivedMessages()).extracting(m -> m.getSubject()).containsExactly("Order confirmed: " + orderId);
        assertThat(api.post("/admin/emails/" + confirmation + "/retry", null, admin()).error()).isEqualTo("NotDead");
    }

    private void open(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(Map.of("MILKRUN_STORE", "memory", "MILKRUN_WORKFLOW_RUNNER", "false"));
        env.putAll(overrides);
        Config config = Config.from(TestConfigs.base(env));
        UnaryOperator<Map<String, StepHandler>> faults = steps -> {
            Map<String, StepHandler> wrapped = new HashMap<>(steps);
            StepHandler real = steps.get(OrderSteps.NOTIFY_CUSTOMER);
            wrapped.put(OrderSteps.NOTIFY_CUSTOMER, (input, context) -> {
                if (customerNoticesFail.get()) {
                    throw new IllegalStateException("the notification service is unavailable");
                }
                return real.handle(input, context);
            });
            return wrapped;
        };
        app = MilkRun.start(config, clock, faults);
        api = new ApiClient(app.router()::handle);
    }

    /** 2 Organic Milk 500ml from Gir Organic Dairy and 4 Toned Milk 500ml from Vrindavan Gaushala, for tomorrow. */
    private JsonNode placeTwoDairyOrder(String token, String key) {
        Map<String, Object> body = Map.of("items", List.of(
                        Map.of("productId", "prod-milk-500ml", "vendorId", "vendor-001", "quantity", 2),
                        Map.of("productId", "prod-vrindavan-toned-milk-500ml", "vendorId", "vendor-vrindavan", "quantity", 4)),
                "deliveryDate", "2026-11-26", "addressId", "addr-home");
        ApiClient.Answer answer = api.send(ApiClient.request("POST", "/orders",
                Map.of("authorization", "Bearer " + token, "idempotency-key", key, "content-type", "application/json"),
                com.milkrun.http.Json.write(body)));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    private JsonNode onlyRunOf(String orderId) {
        JsonNode items = api.get("/admin/workflow/runs?orderId=" + orderId, admin()).json().path("items");
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private List<JsonNode> deliveries(String status) {
        List<JsonNode> all = new ArrayList<>();
        api.get("/admin/emails?limit=100&status=" + status, admin()).json().path("items").forEach(all::add);
        return all;
    }

    private List<JsonNode> notesAbout(String token, String orderId) {
        List<JsonNode> notes = new ArrayList<>();
        api.get("/users/me/notifications?limit=100", token).json().path("items").forEach(n -> {
            if (n.path("subject").asText().contains(orderId) || n.path("body").asText().contains(orderId)) {
                notes.add(n);
            }
        });
        return notes;
    }

    private int available(String productId) {
        return api.get("/products/" + productId).json().path("available").asInt();
    }

    private static List<String> whats(JsonNode order) {
        List<String> whats = new ArrayList<>();
        order.path("timeline").forEach(e -> whats.add(e.path("what").asText()));
        return whats;
    }

    private String admin() {
        return login(DemoData.ADMIN_EMAIL);
    }

    private String login(String email) {
        return api.post("/auth/login", Map.of("email", email, "password", DemoData.PASSWORD)).text("idToken");
    }
}
