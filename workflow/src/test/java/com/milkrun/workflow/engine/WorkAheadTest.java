package com.milkrun.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.store.memory.InMemoryWorkflowStore;
import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.RunStatus;
import com.milkrun.workflow.StepFailure;
import com.milkrun.workflow.StepHandler;
import com.milkrun.workflow.WorkflowRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A new run's first steps done ahead, in memory, so that its caller stores them with the run: the run records
 * exactly the calls it keeps, stops at the first Task it has no ahead handler for, and leaves a failing Task to the
 * runner as if nothing had been tried.
 */
class WorkAheadTest {
    private static final Map<String, Object> ASHAS_ORDER = Map.of("orderId", "order-asha");

    private final MutableClock clock = new MutableClock(Machines.MORNING_RUN);
    private final InMemoryWorkflowStore store = new InMemoryWorkflowStore();
    private final List<WorkflowEngine> engines = new ArrayList<>();
    private final List<String> runnerCalls = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(WorkflowEngine::close);
    }

    @Test
    void the_whole_order_workflow_done_ahead_ends_the_run_succeeded_with_the_history_the_runner_would_write() {
        WorkflowEngine engine = orderEngine();
        List<String> aheadCalls = new ArrayList<>();

        WorkflowEngine.Ahead ahead = engine.prepareAhead("run-ahead", "order-asha", ASHAS_ORDER, Map.of(
                "NotifyVendors", recording(aheadCalls, Map.of("notified", List.of("vendor-anand"))),
                "UpdateOrderStatus", recording(aheadCalls, Map.of("orderId", "order-asha", "status", "Confirmed")),
                "NotifyCustomer", recording(aheadCalls, Map.of("event", "Confirmed", "sent", true))));

        assertThat(ahead.calls()).isEqualTo(3);
        assertThat(aheadCalls).containsExactly("NotifyVendors", "UpdateOrderStatus", "NotifyCustomer");
        WorkflowRun run = ahead.run().run();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.currentState()).isEqualTo("OrderProcessingComplete");
        assertThat(store.get("run-ahead")).as("nothing is stored by preparing").isEmpty();

        engine.start("run-runner", "order-asha", ASHAS_ORDER);
        engine.drain();
        assertThat(types(ahead.run().events())).as("the same history as the runner's")
                .isEqualTo(types(store.events("run-runner")));
        assertThat(written(ahead.run().events())).as("with the same states and details")
                .isEqualTo(written(store.events("run-runner")));
        assertThat(run.stateInput()).isEqualTo(store.get("run-runner").orElseThrow().stateInput());
        assertThat(runnerCalls).containsExactly("NotifyVendors", "UpdateOrderStatus", "NotifyCustomer");
    }

    @Test
    void work_ahead_stops_at_the_first_task_without_an_ahead_handler_and_the_runner_goes_on_from_there() {
        WorkflowEngine engine = orderEngine();

        WorkflowEngine.Ahead ahead = engine.prepareAhead("run-ahead", "order-asha", ASHAS_ORDER, Map.of(
                "NotifyVendors", (input, context) -> Map.of("notified", List.of("vendor-anand"))));

        assertThat(ahead.calls()).isEqualTo(1);
        WorkflowRun run = ahead.run().run();
        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.currentState()).isEqualTo("UpdateOrderStatus");
        assertThat(run.nextAttemptAt()).isEqualTo(clock.instant());

        store.create(run, ahead.run().events());
        engine.drain();
        assertThat(runnerCalls).containsExactly("UpdateOrderStatus", "NotifyCustomer");
        assertThat(store.get("run-ahead").orElseThrow().status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void a_failing_ahead_handler_leaves_no_trace_and_its_task_to_the_runner_with_all_its_retries() {
        WorkflowEngine engine = orderEngine();
        AtomicInteger confirmAttempts = new AtomicInteger();

        WorkflowEngine.Ahead ahead = engine.prepareAhead("run-ahead", "order-asha", ASHAS_ORDER, Map.of(
                "NotifyVendors", (input, context) -> Map.of("notified", List.of("vendor-anand")),
                "UpdateOrderStatus", (input, context) -> {
                    confirmAttempts.incrementAndGet();
                    throw new StepFailure("OrderChanged", "the order moved on");
                },
                "NotifyCustomer", (input, context) -> {
                    throw new AssertionError("never reached");
                }));

        assertThat(confirmAttempts).hasValue(1);
        assertThat(ahead.calls()).as("the failed call is not kept").isEqualTo(1);
        WorkflowRun run = ahead.run().run();
        assertThat(run.currentState()).isEqualTo("UpdateOrderStatus");
        assertThat(run.attempt()).isZero();
        assertThat(run.retryCounts()).isEqualTo(engine.prepare("other", "order-asha", ASHAS_ORDER).run().retryCounts());
        assertThat(types(ahead.run().events())).doesNotContain("TaskFailed", "RetryScheduled")
                .endsWith("TaskSucceeded", "StateEntered");

        store.create(run, ahead.run().events());
        engine.drain();
        assertThat(runnerCalls).containsExactly("UpdateOrderStatus", "NotifyCustomer");
    }

    @Test
    void without_ahead_handlers_the_run_is_the_one_prepare_makes() {
        WorkflowEngine engine = orderEngine();
        WorkflowEngine.Ahead ahead = engine.prepareAhead("run-ahead", "order-asha", ASHAS_ORDER, Map.of());
        assertThat(ahead.calls()).isZero();
        assertThat(ahead.run().run().currentState()).isEqualTo("NotifyVendors");
        assertThat(types(ahead.run().events())).containsExactly("RunStarted", "StateEntered");
    }

    private WorkflowEngine orderEngine() {
        Map<String, StepHandler> handlers = Map.of(
                "NotifyVendors", recording(runnerCalls, Map.of("notified", List.of("vendor-anand"))),
                "UpdateOrderStatus", recording(runnerCalls, Map.of("orderId", "order-asha", "status", "Confirmed")),
                "NotifyCustomer", recording(runnerCalls, Map.of("event", "Confirmed", "sent", true)),
                "HandleOrderFailure", recording(runnerCalls, Map.of("status", "Failed")),
                "ReleaseInventory", recording(runnerCalls, Map.of("released", true)));
        WorkflowEngine engine = new WorkflowEngine(store, Machines.orderProcessing(), "OrderProcessing", handlers, clock,
                EngineSettings.defaults().withOwner("ahead-test").withLease(Duration.ofSeconds(3)));
        engines.add(engine);
        return engine;
    }

    private static StepHandler recording(List<String> calls, Map<String, Object> result) {
        return (input, context) -> {
            calls.add(context.stateName());
            return result;
        };
    }

    private static List<String> types(List<RunEvent> events) {
        return events.stream().map(RunEvent::type).toList();
    }

    /** Each event as its type, state and detail (the JSON written), without its sequence number and time. */
    private static List<String> written(List<RunEvent> events) {
        return events.stream().map(e -> e.type() + " " + e.state() + " " + e.detail()).toList();
    }
}
