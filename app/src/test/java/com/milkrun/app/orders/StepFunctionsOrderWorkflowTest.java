package com.milkrun.app.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.milkrun.app.Config;

import com.milkrun.app.MilkRun;
import com.milkrun.app.api.ApiClient;
import com.milkrun.app.api.TestConfigs;
import com.milkrun.demo.DemoData;
import com.milkrun.testing.ManualClock;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The order API with the workflow on Step Functions ({@code MILKRUN_ORDER_WORKFLOW=stepfunctions}): the requests the
 * AWS SDK sends, over HTTP, to an endpoint that answers as Step Functions does (the JSON 1.0 protocol of
 * {@code AWSStepFunctions.*}), including its refusal of a second execution of one name with another input.
 */
class StepFunctionsOrderWorkflowTest {
    private static final String STATE_MACHINE = "arn:aws:states:ap-south-1:123456789012:stateMachine:milkrun-dev-order-processing";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, String> executions = new ConcurrentHashMap<>();
    /** While set, the endpoint answers every start with 503, as Step Functions does when it cannot take the call. */
    private final AtomicBoolean unavailable = new AtomicBoolean();
    private HttpServer stepFunctions;
    private MilkRun app;
    private ApiClient api;

    /** One request to the Step Functions endpoint: its operation and JSON body. */
    private record Call(String operation, JsonNode body) {
    }

    @BeforeEach
    void start() throws IOException {
        stepFunctions = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stepFunctions.createContext("/", exchange -> {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            calls.add(new Call(target, body));
            int status = 200;
            String answer;
            if ("AWSStepFunctions.StartExecution".equals(target) && unavailable.get()) {
                status = 503;
                answer = "{\"__type\":\"ServiceUnavailable\",\"message\":\"Service Unavailable\"}";
            } else if ("AWSStepFunctions.StartExecution".equals(target)) {
                String name = body.path("name").asText();
                String input = body.path("input").asText();
                String earlier = executions.putIfAbsent(name, input);
                if (earlier != null && !earlier.equals(input)) {
                    status = 400;
                    answer = "{\"__type\":\"ExecutionAlreadyExists\",\"message\":\"Execution Already Exists: '" + name + "'\"}";
                } else {
                    answer = "{\"executionArn\":\"" + STATE_MACHINE.replace(":stateMachine:", ":execution:") + ":" + name
                            + "\",\"startDate\":1764064800.0}";
                }
            } else if ("AWSStepFunctions.StopExecution".equals(target)) {
                answer = "{\"stopDate\":1764064900.0}";
            } else {
                status = 400;
                answer = "{\"__type\":\"UnknownOperationException\",\"message\":\"" + target + "\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        stepFunctions.start();
        Config config = Config.from(TestConfigs.base(Map.of("MILKRUN_STORE", "memory",
                "MILKRUN_ORDER_WORKFLOW", "stepfunctions", "ORDER_STATE_MACHINE_ARN", STATE_MACHINE,
                "MILKRUN_STEPFUNCTIONS_ENDPOINT", "http://127.0.0.1:" + stepFunctions.getAddress().getPort(),
                "MILKRUN_WORKFLOW_RUNNER", "false")));
        app = MilkRun.start(config, clock);
        api = new ApiClient(app.router()::handle);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        stepFunctions.stop(0);
    }

    @Test
    void placing_an_order_starts_one_execution_named_after_it_with_the_order_and_its_items() {
        String asha = login();

        JsonNode placed = place(asha, "key-sfn-1");
        String orderId = placed.path("orderId").asText();

        assertThat(placed.path("status").asText()).isEqualTo("Pending");
        assertThat(calls).hasSize(1);
        Call start = calls.get(0);
        assertThat(start.operation()).isEqualTo("AWSStepFunctions.StartExecution");
        assertThat(start.body().path("stateMachineArn").asText()).isEqualTo(STATE_MACHINE);
        assertThat(start.body().path("name").asText()).isEqualTo(orderId);
        JsonNode input = readJson(start.body().path("input").asText());
        assertThat(input.path("orderId").asText()).isEqualTo(orderId);
        assertThat(input.path("items")).hasSize(1);
        assertThat(input.path("items").get(0).path("productId").asText()).isEqualTo("prod-milk-500ml");
        assertThat(input.path("items").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(api.get("/orders/" + orderId, asha).json().path("status").asText())
                .as("the state machine, not this process, confirms it").isEqualTo("Pending");
    }

    @Test
    void a_retried_request_asks_for_the_same_execution_again_and_no_second_one_starts() {
        String asha = login();

        String first = place(asha, "key-sfn-2").path("orderId").asText();
        String again = place(asha, "key-sfn-2").path("orderId").asText();

        assertThat(again).isEqualTo(first);
        assertThat(calls).extracting(Call::operation)
                .as("the order is still Pending, so its start may have been lost: it is asked for again")
                .containsExactly("AWSStepFunctions.StartExecution", "AWSStepFunctions.StartExecution");
        assertThat(calls.get(1).body()).isEqualTo(calls.get(0).body());
        assertThat(executions).containsOnlyKeys(first);
    }

    @Test
    void cancelling_the_order_stops_its_execution() {
        String asha = login();
        String orderId = place(asha, "key-sfn-3").path("orderId").asText();

        assertThat(api.post("/orders/" + orderId + "/cancel", null, asha).status()).isEqualTo(200);

        Call stop = calls.get(calls.size() - 1);
        assertThat(stop.operation()).isEqualTo("AWSStepFunctions.StopExecution");
        assertThat(stop.body().path("executionArn").asText()).isEqualTo(
                "arn:aws:states:ap-south-1:123456789012:execution:milkrun-dev-order-processing:" + orderId);
        assertThat(api.get("/orders/" + orderId, asha).json().path("status").asText()).isEqualTo("Cancelled");
    }

    @Test
    void an_order_whose_start_failed_stands_and_the_sweep_starts_it_once_it_has_waited_two_minutes() {
        String asha = login();
        unavailable.set(true);

        JsonNode placed = place(asha, "key-sfn-4");
        String orderId = placed.path("orderId").asText();

        assertThat(placed.path("status").asText()).as("the order committed before the start failed").isEqualTo("Pending");
        assertThat(executions).isEmpty();
        unavailable.set(false);
        assertThat(app.sweep().ordersResumed()).as("a minute on, it may still be starting").isZero();
        assertThat(executions).isEmpty();

        clock.advance(Duration.ofMinutes(2));
        assertThat(app.sweep().ordersResumed()).isEqualTo(1);

        assertThat(executions).containsOnlyKeys(orderId);
        JsonNode input = readJson(executions.get(orderId));
        assertThat(input.path("orderId").asText()).isEqualTo(orderId);
        assertThat(input.path("items").get(0).path("quantity").asInt()).isEqualTo(2);
    }

    @Test
    void sweeping_again_while_the_execution_runs_starts_nothing_new_and_finished_orders_are_left_alone() {
        String asha = login();
        String running = place(asha, "key-sfn-5").path("orderId").asText();
        String cancelled = place(asha, "key-sfn-6").path("orderId").asText();
        assertThat(api.post("/orders/" + cancelled + "/cancel", null, asha).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(3));
        calls.clear();

        assertThat(app.sweep().ordersResumed()).isEqualTo(1);
        assertThat(app.sweep().ordersResumed()).isEqualTo(1);

        assertThat(calls).extracting(Call::operation).containsOnly("AWSStepFunctions.StartExecution");
        assertThat(calls).extracting(call -> call.body().path("name").asText()).containsOnly(running);
        assertThat(executions).containsOnlyKeys(running, cancelled);
    }

    @Test
    void the_customer_retrying_the_request_starts_the_execution_the_first_attempt_could_not() {
        String asha = login();
        unavailable.set(true);
        String orderId = place(asha, "key-sfn-7").path("orderId").asText();
        assertThat(executions).isEmpty();
        unavailable.set(false);

        String again = place(asha, "key-sfn-7").path("orderId").asText();

        assertThat(again).isEqualTo(orderId);
        assertThat(executions).containsOnlyKeys(orderId);
    }

    private JsonNode place(String token, String key) {
        Map<String, Object> body = Map.of("items", List.of(
                        Map.of("productId", "prod-milk-500ml", "vendorId", "vendor-001", "quantity", 2)),
                "deliveryDate", "2026-11-26", "addressId", "addr-home");
        ApiClient.Answer answer = api.send(ApiClient.request("POST", "/orders",
                Map.of("authorization", "Bearer " + token, "idempotency-key", key, "content-type", "application/json"),
                com.milkrun.http.Json.write(body)));
        assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
        return answer.json();
    }

    private String login() {
        return api.post("/auth/login", Map.of("email", DemoData.CUSTOMER_EMAIL, "password", DemoData.PASSWORD)).text("idToken");
    }

    private static JsonNode readJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
