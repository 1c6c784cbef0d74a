package com.milkrun.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.milkrun.app.Config;
import com.milkrun.app.MilkRun;
import com.milkrun.app.OrderWorkflow;
import com.milkrun.app.api.ApiClient;
import com.milkrun.app.api.TestConfigs;
import com.milkrun.demo.DemoData;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import com.milkrun.workflow.StepFailure;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The workflow's tasks as Lambda functions, invoked with the inputs Step Functions would send for the definition's
 * Parameters: the same handlers the local runner calls.
 */
class WorkflowStepHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private MilkRun app;

    @BeforeEach
    void start() {
        app = MilkRun.start(Config.from(TestConfigs.base(Map.of("MILKRUN_STORE", "memory", "MILKRUN_WORKFLOW_RUNNER", "false"))));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void every_task_of_the_definition_has_a_function_and_every_function_a_task() {
        assertThat(app.steps().keySet()).isEqualTo(OrderWorkflow.machine().taskNames());
        for (String task : OrderWorkflow.machine().taskNames()) {
            assertThat(new WorkflowStepHandler(app, task)).isNotNull();
        }
        assertThatThrownBy(() -> new WorkflowStepHandler(app, "ReserveInventory"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MILKRUN_STEP");
    }

    @Test
    void update_order_status_confirms_a_placed_order_once_and_answers_its_status_when_repeated() throws Exception {
        ApiClient api = new ApiClient(app.router()::handle);
        String asha = api.post("/auth/login", Map.of("email", DemoData.CUSTOMER_EMAIL, "password", DemoData.PASSWORD)).text("idToken");
        byte[] order = JSON.writeValueAsBytes(Map.of("items", List.of(Map.of("productId", "prod-milk-500ml", "vendorId", "vendor-001",
                "quantity", 3)), "deliveryDate", LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(2).toString(), "addressId", "addr-home"));
        String orderId = api.send(ApiClient.request("POST", "/orders", Map.of("authorization", "Bearer " + asha,
                "idempotency-key", "lambda-step", "content-type", "application/json"), order)).text("orderId");

        WorkflowStepHandler update = new WorkflowStepHandler(app, "UpdateOrderStatus");
        String event = "{\"orderId\":\"" + orderId + "\",\"status\":\"Confirmed\"}";
        assertThat(update.handleRequest(input(event), null)).isEqualTo(Map.of("orderId", orderId, "status", "Confirmed"));
        assertThat(update.handleRequest(input(event), null)).isEqualTo(Map.of("orderId", orderId, "status", "Confirmed"));
        assertThat(api.get("/orders/" + orderId, asha).json().path("timeline").findValuesAsText("what"))
                .containsExactly("Placed", "Confirmed");

        assertThatThrownBy(() -> update.handleRequest(input("{\"orderId\":\"order-unknown\",\"status\":\"Confirmed\"}"), null))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.error()).isEqualTo("OrderNotFound"));
        assertThatThrownBy(() -> update.handleRequest(input(event.replace("Confirmed", "Delivered")), null))
                .isInstanceOfSatisfying(StepFailure.class, f -> assertThat(f.error()).isEqualTo("UnsupportedStatus"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> input(String json) throws Exception {
        return JSON.readValue(json, Map.class);
    }
}
