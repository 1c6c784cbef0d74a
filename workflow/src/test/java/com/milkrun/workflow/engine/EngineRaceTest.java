package com.milkrun.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.store.memory.InMemoryWorkflowStore;
import com.milkrun.workflow.RunStatus;
import com.milkrun.workflow.StepHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Two engines, as two processes would, on one store, with real threads and the real clock. */
class EngineRaceTest {
    private static final int RUNS = 200;

    @Test
    void two_engines_sharing_a_store_finish_every_run_calling_each_step_exactly_once() {
        InMemoryWorkflowStore store = new InMemoryWorkflowStore();
        StateMachine machine = Machines.parse("""
                {'StartAt': 'CollectMilk', 'States': {
                  'CollectMilk': {'Type': 'Task', 'Resource': 'CollectMilk', 'ResultPath': '$.collected',
                                  'Next': 'Pasteurise'},
                  'Pasteurise': {'Type': 'Task', 'Resource': 'Pasteurise', 'ResultPath': '$.pasteurised',
                                 'Next': 'Deliver'},
                  'Deliver': {'Type': 'Task', 'Resource': 'Deliver', 'ResultPath': '$.delivered', 'End': true}
                }}""");
        Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        Set<String> engines = ConcurrentHashMap.newKeySet();
        StepHandler counting = (input, context) -> {
            calls.computeIfAbsent(context.stepKey(), k -> new AtomicInteger()).incrementAndGet();
            engines.add(Thread.currentThread().getName().contains("engine-anand") ? "anand" : "amul");
            return Map.of("done", true);
        };
        Map<String, StepHandler> handlers = Map.of("CollectMilk", counting, "Pasteurise", counting,
                "Deliver", counting);
        EngineSettings settings = EngineSettings.defaults().withPollInterval(Duration.ofMillis(20))
                .withLease(Duration.ofSeconds(3)).withWorkers(4);

        try (WorkflowEngine anand = new WorkflowEngine(store, machine, "Dairy", handlers, Clock.systemUTC(),
                settings.withOwner("engine-anand"));
             WorkflowEngine amul = new WorkflowEngine(store, machine, "Dairy", handlers, Clock.systemUTC(),
                     settings.withOwner("engine-amul"))) {
            anand.start();
            amul.start();
            for (int i = 0; i < RUNS; i++) {
                String runId = "run-%03d".formatted(i);
                if (i % 2 == 0) {
                    anand.start(runId, "order-" + i, Map.of("orderId", "order-" + i));
                } else {
                    NewRun fresh = amul.prepare(runId, "order-" + i, Map.of("orderId", "order-" + i));
                    store.create(fresh.run(), fresh.events());
                    amul.nudge(runId);
                    anand.nudge(runId);
                }
            }

            Eventually.await(Duration.ofSeconds(20), "every run succeeded", () -> IntStream.range(0, RUNS)
                    .allMatch(i -> store.get("run-%03d".formatted(i)).orElseThrow().status() == RunStatus.SUCCEEDED));
        }

        assertThat(calls).hasSize(RUNS * 3);
        assertThat(calls).allSatisfy((step, count) -> assertThat(count).as(step).hasValue(1));
        assertThat(engines).as("both engines did work").containsExactlyInAnyOrder("anand", "amul");
        assertThat(store.get("run-007").orElseThrow().leaseOwner()).isNull();
    }
}
