package com.milkrun.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.milkrun.store.memory.InMemoryWorkflowStore;
import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.RunStatus;
import com.milkrun.workflow.StepHandler;
import com.milkrun.workflow.WorkflowRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The production definition, {@code infra/statemachine/order-processing.asl.json}, with fake handlers. */
class OrderProcessingTest {
    private static final Instant T = Machines.MORNING_RUN;
    private static final String RUN = "run-order-asha-first";
    private static final String ORDER = "order-asha-first";

    private final MutableClock clock = new MutableClock(T);
    private final InMemoryWorkflowStore store = new InMemoryWorkflowStore();
    private final Map<String, List<Map<String, Object>>> inputs = new ConcurrentHashMap<>();
    private final List<WorkflowEngine> engines = new ArrayList<>();

    @AfterEach
    void closeEngines() {
        engines.forEach(WorkflowEngine::close);
    }

    @Test
    void a_confirmed_order_tells_the_vendors_and_then_the_customer() {
        WorkflowEngine engine = engine(Map.of(
                "NotifyVendors", recording("NotifyVendors", Map.of("vendorsNotified", 2)),
                "UpdateOrderStatus", recording("UpdateOrderStatus", Map.of("status", "Confirmed")),
                "NotifyCustomer", recording("NotifyCustomer", Map.of("sent", true))));
        engine.start(RUN, ORDER, Map.of("orderId", ORDER));

        engine.drain();

        WorkflowRun done = store.get(RUN).orElseThrow();
        assertThat(done.workflow()).isEqualTo(Machines.ORDER_PROCESSING);
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.currentState()).isEqualTo("OrderProcessingComplete");
        assertThat(Json.parse(done.stateInput())).isEqualTo(json("""
                {'orderId': 'order-asha-first', 'notificationResult': {'vendorsNotified': 2},
                 'updateResult': {'status': 'Confirmed'}, 'customerNotification': {'sent': true}}"""));
        assertThat(inputs).containsOnlyKeys("NotifyVendors", "UpdateOrderStatus", "NotifyCustomer");
        assertThat(inputs.get("NotifyVendors")).containsExactly(Map.of("orderId", ORDER));
        assertThat(inputs.get("UpdateOrderStatus")).containsExactly(Map.of("orderId", ORDER, "status", "Confirmed"));
        assertThat(inputs.get("NotifyCustomer")).containsExactly(Map.of("orderId", ORDER, "event", "Confirmed"));
        assertThat(store.events(RUN)).filteredOn(e -> e.type().equals("StateEntered")).extracting(RunEvent::state)
                .containsExactly("NotifyVendors", "UpdateOrderStatus", "CheckConfirmed", "NotifyCustomer",
                        "OrderProcessingComplete");
    }

    @Test
    void vendors_that_cannot_be_told_are_retried_three_times_then_the_order_fails_and_its_stock_goes_back() {
        WorkflowEngine engine = engine(Map.of(
                "NotifyVendors", (input, context) -> {
                    inputs.computeIfAbsent("NotifyVendors", k -> new CopyOnWriteArrayList<>()).add(input);
                    throw new IllegalStateException("the vendor's mail server said 451");
                },
                "UpdateOrderStatus", recording("UpdateOrderStatus", Map.of("status", "Confirmed")),
                "NotifyCustomer", recording("NotifyCustomer", Map.of("sent", true)),
                "HandleOrderFailure", recording("HandleOrderFailure", Map.of("status", "Failed")),
                "ReleaseInventory", recording("ReleaseInventory", Map.of("released", 3))));
        engine.start(RUN, ORDER, Map.of("orderId", ORDER));

        engine.drain();
        for (int seconds : new int[] {2, 4, 8}) {
            assertThat(store.get(RUN).orElseThrow().nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(seconds));
            clock.advance(Duration.ofSeconds(seconds));
            engine.drain();
        }

        WorkflowRun failed = store.get(RUN).orElseThrow();
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.currentState()).isEqualTo("OrderFailed");
        assertThat(failed.error()).isEqualTo("OrderProcessingFailed");
        assertThat(failed.cause()).isEqualTo("Order processing workflow failed");
        assertThat(inputs.get("NotifyVendors")).hasSize(4);
        assertThat(inputs.get("UpdateOrderStatus")).isNull();
        Map<String, Object> reason = Map.of("orderId", ORDER, "reason", "Vendor notification failed");
        assertThat(inputs.get("HandleOrderFailure")).containsExactly(reason);
        assertThat(inputs.get("ReleaseInventory")).containsExactly(reason);
        Map<String, Object> failedNotice = new HashMap<>(reason);
        failedNotice.put("event", "Failed");
        assertThat(inputs.get("NotifyCustomer")).containsExactly(failedNotice);
        JsonNode last = Json.parse(failed.stateInput());
        assertThat(last.at("/error/Error").asText()).isEqualTo("States.TaskFailed");
        assertThat(last.at("/error/Cause").asText()).isEqualTo("the vendor's mail server said 451");
        assertThat(last.at("/releaseResult/released").asInt()).isEqualTo(3);
        assertThat(store.events(RUN)).filteredOn(e -> e.type().equals("RetryScheduled"))
                .extracting(e -> Json.parse(e.detail()).get("nextAttemptAt").asText())
                .containsExactly(T.plusSeconds(2).toString(), T.plusSeconds(6).toString(),
                        T.plusSeconds(14).toString());
        assertThat(store.events(RUN)).filteredOn(e -> e.type().equals("StateEntered")).extracting(RunEvent::state)
                .containsExactly("NotifyVendors", "NotificationFailed", "HandleOrderFailure", "ReleaseInventory",
                        "NotifyCustomerOfFailure", "OrderFailed");
        assertThat(engine.retryable(failed)).isFalse();
    }

    @Test
    void an_order_cancelled_meanwhile_is_closed_without_telling_the_customer_again() {
        WorkflowEngine engine = engine(Map.of(
                "NotifyVendors", recording("NotifyVendors", Map.of("vendorsNotified", 1)),
                "UpdateOrderStatus", recording("UpdateOrderStatus", Map.of("status", "Cancelled")),
                "NotifyCustomer", recording("NotifyCustomer", Map.of("sent", true))));
        engine.start(RUN, ORDER, Map.of("orderId", ORDER));

        engine.drain();

        WorkflowRun closed = store.get(RUN).orElseThrow();
        assertThat(closed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(closed.currentState()).isEqualTo("OrderClosed");
        assertThat(inputs).doesNotContainKey("NotifyCustomer");
    }

    /** A handler recording its inputs and answering {@code result}; the definition's other tasks get no-ops. */
    private StepHandler recording(String task, Map<String, Object> result) {
        return (input, context) -> {
            inputs.computeIfAbsent(task, k -> new CopyOnWriteArrayList<>()).add(input);
            return result;
        };
    }

    private WorkflowEngine engine(Map<String, StepHandler> handlers) {
        Map<String, StepHandler> all = new HashMap<>();
        for (String task : Machines.orderProcessing().taskNames()) {
            all.put(task, recording(task, Map.of()));
        }
        all.putAll(handlers);
        WorkflowEngine engine = new WorkflowEngine(store, Machines.orderProcessing(), Machines.ORDER_PROCESSING,
                all, clock, EngineSettings.defaults().withOwner("engine-test"));
        engines.add(engine);
        return engine;
    }

    private static JsonNode json(String singleQuoted) {
        return Json.parse(Machines.json(singleQuoted));
    }
}
