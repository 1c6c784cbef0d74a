package com.milkrun.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import com.milkrun.store.memory.InMemoryWorkflowStore;
import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.RunStatus;
import com.milkrun.workflow.StepContext;
import com.milkrun.workflow.StepFailure;
import com.milkrun.workflow.StepHandler;
import com.milkrun.workflow.WorkflowRun;
import com.milkrun.workflow.WorkflowStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The engine on an in-memory store, driven step by step with {@code drain()} and a clock the test moves. */
class WorkflowEngineTest {
    private static final Instant T = Machines.MORNING_RUN;
    private static final Map<String, Object> ASHAS_ORDER = Map.of("orderId", "order-asha");

    private final MutableClock clock = new MutableClock(T);
    private final InMemoryWorkflowStore store = new InMemoryWorkflowStore();
    private final List<WorkflowEngine> engines = new ArrayList<>();

    @AfterEach
    void closeEngines() {
        engines.forEach(WorkflowEngine::close);
    }

    @Test
    void runs_pass_task_choice_wait_and_succeed_states_with_their_paths_and_records_the_history() {
        StateMachine machine = Machines.parse("""
                {'StartAt': 'Prepare', 'States': {
                  'Prepare': {'Type': 'Pass', 'Parameters': {'orderId.$': '$.orderId', 'litres': 2},
                              'ResultPath': '$.prepared', 'Next': 'Deliver'},
                  'Deliver': {'Type': 'Task', 'Resource': 'arn:aws:lambda:local:000000000000:function:Deliver',
                              'Parameters': {'orderId.$': '$.prepared.orderId', 'litres.$': '$.prepared.litres',
                                             'runId.$': '$$.Execution.Id'},
                              'ResultSelector': {'slot.$': '$.slot'}, 'ResultPath': '$.delivery', 'Next': 'Morning?'},
                  'Morning?': {'Type': 'Choice', 'Default': 'Late', 'Choices': [
                                {'Variable': '$.delivery.slot', 'StringEquals': 'morning', 'Next': 'LetItCool'}]},
                  'LetItCool': {'Type': 'Wait', 'Seconds': 30, 'Next': 'Done'},
                  'Done': {'Type': 'Succeed', 'OutputPath': '$.delivery'},
                  'Late': {'Type': 'Fail', 'Error': 'Late', 'Cause': 'missed the morning run'}
                }}""");
        List<Map<String, Object>> inputs = new CopyOnWriteArrayList<>();
        WorkflowEngine engine = engine(machine, Map.of("Deliver", (input, context) -> {
            inputs.add(input);
            return Map.of("slot", "morning", "van", "GJ-06-1234");
        }));

        engine.start("run-asha", "order-asha", ASHAS_ORDER);
        assertThat(engine.drain()).isEqualTo(3);

        WorkflowRun waiting = run("run-asha");
        assertThat(waiting.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(waiting.currentState()).isEqualTo("LetItCool");
        assertThat(waiting.nextAttemptAt()).isEqualTo(T.plusSeconds(30));
        assertThat(waiting.leaseOwner()).isNull();
        assertThat(waiting.leaseUntil()).isNull();
        assertThat(inputs).containsExactly(Map.of("orderId", "order-asha", "litres", 2, "runId", "run-asha"));
        assertThat(engine.drain()).as("nothing is due before the wait ends").isZero();

        clock.advanceSeconds(30);
        assertThat(engine.drain()).isEqualTo(1);

        WorkflowRun done = run("run-asha");
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(done.currentState()).isEqualTo("Done");
        assertThat(Json.parse(done.stateInput())).isEqualTo(json("{'slot': 'morning'}"));
        assertThat(done.leaseOwner()).isNull();
        assertThat(done.workflow()).isEqualTo("MilkTest");
        List<RunEvent> history = store.events("run-asha");
        assertThat(history).extracting(RunEvent::type).containsExactly("RunStarted", "StateEntered", "StateEntered",
                "TaskSucceeded", "StateEntered", "StateEntered", "WaitStarted", "StateEntered", "RunSucceeded");
        assertThat(history).filteredOn(e -> e.type().equals("StateEntered")).extracting(RunEvent::state)
                .containsExactly("Prepare", "Deliver", "Morning?", "LetItCool", "Done");
        assertThat(Json.parse(history.get(0).detail())).isEqualTo(json("{'orderId': 'order-asha'}"));
        assertThat(Json.parse(history.get(3).detail()).get("output"))
                .isEqualTo(json("{'slot': 'morning', 'van': 'GJ-06-1234'}"));
        assertThat(Json.parse(history.get(4).detail()).get("delivery")).isEqualTo(json("{'slot': 'morning'}"));
        assertThat(Json.parse(history.get(6).detail()).get("until").asText()).isEqualTo(T.plusSeconds(30).toString());
        assertThat(Json.parse(history.get(8).detail()).get("output")).isEqualTo(json("{'slot': 'morning'}"));
        assertThat(history.get(8).at()).isEqualTo(T.plusSeconds(30));
    }

    @Test
    void working_on_a_run_at_once_does_nothing_in_an_engine_that_was_not_started_and_leaves_it_to_drain() {
        List<String> churned = new CopyOnWriteArrayList<>();
        WorkflowEngine engine = engine(Machines.oneTask("Churn", ""), Map.of("Churn", (i, c) -> {
            churned.add(String.valueOf(i.get("orderId")));
            return Map.of();
        }));
        NewRun fresh = engine.prepare("run-asha", "order-asha", ASHAS_ORDER);
        store.create(fresh.run(), fresh.events());

        engine.runNow("run-asha");

        assertThat(run("run-asha").status()).isEqualTo(RunStatus.RUNNING);
        assertThat(churned).isEmpty();
        assertThat(engine.drain()).isEqualTo(1);
        assertThat(run("run-asha").status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(churned).containsExactly("order-asha");
    }

    @Test
    void prepares_a_run_with_its_first_events_without_storing_it() {
        WorkflowEngine engine = engine(Machines.oneTask("Churn", ""), Map.of("Churn", (i, c) -> Map.of()));

        NewRun fresh = engine.prepare("run-asha", "order-asha", ASHAS_ORDER);

        assertThat(fresh.run()).isEqualTo(WorkflowRun.start("run-asha", "MilkTest", "order-asha", "Churn",
                "{\"orderId\":\"order-asha\"}", T));
        assertThat(fresh.events()).containsExactly(
                RunEvent.of("RunStarted", null, "{\"orderId\":\"order-asha\"}", T),
                RunEvent.of("StateEntered", "Churn", "{\"orderId\":\"order-asha\"}", T));
        assertThat(store.get("run-asha")).isEmpty();
    }

    @Test
    void a_choice_goes_to_its_default_when_no_rule_matches_and_fails_the_run_without_one() {
        String choice = """
                {'StartAt': 'Bulk?', 'States': {
                  'Bulk?': {'Type': 'Choice', %s 'Choices': [
                             {'Variable': '$.litres', 'NumericGreaterThan': 10, 'Next': 'Bulk'}]},
                  'Bulk': {'Type': 'Succeed'},
                  'Retail': {'Type': 'Succeed'}
                }}""";
        WorkflowEngine withDefault = engine(Machines.parse(choice.formatted("'Default': 'Retail',")), Map.of());
        withDefault.start("run-retail", "order-asha", Map.of("litres", 2));
        withDefault.drain();

        InMemoryWorkflowStore otherStore = new InMemoryWorkflowStore();
        WorkflowEngine without = engine(otherStore, Machines.parse(choice.formatted("")), Map.of());
        without.start("run-nowhere", "order-ravi", Map.of("litres", 2));
        without.drain();

        assertThat(run("run-retail").status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run("run-retail").currentState()).isEqualTo("Retail");
        WorkflowRun nowhere = otherStore.get("run-nowhere").orElseThrow();
        assertThat(nowhere.status()).isEqualTo(RunStatus.FAILED);
        assertThat(nowhere.currentState()).isEqualTo("Bulk?");
        assertThat(nowhere.error()).isEqualTo("States.NoChoiceMatched");
    }

    @Test
    void retries_after_two_four_and_eight_seconds_then_catches_into_the_result_path() {
        StateMachine machine = Machines.parse("""
                {'StartAt': 'CallVendor', 'States': {
                  'CallVendor': {'Type': 'Task', 'Resource': 'CallVendor', 'Next': 'Done',
                     'Retry': [{'ErrorEquals': ['VendorBusy'], 'IntervalSeconds': 2, 'MaxAttempts': 3, 'BackoffRate': 2}],
                     'Catch': [{'ErrorEquals': ['States.ALL'], 'ResultPath': '$.error', 'Next': 'GiveUp'}]},
                  'Done': {'Type': 'Succeed'},
                  'GiveUp': {'Type': 'Pass', 'End': true}
                }}""");
        List<Integer> attempts = new CopyOnWriteArrayList<>();
        WorkflowEngine engine = engine(machine, Map.of("CallVendor", (input, context) -> {
            attempts.add(context.attempt());
            throw new StepFailure("VendorBusy", "the dairy's line is busy");
        }));
        engine.start("run-asha", "order-asha", ASHAS_ORDER);

        assertThat(engine.drain()).isEqualTo(1);
        assertThat(run("run-asha").nextAttemptAt()).isEqualTo(T.plusSeconds(2));
        assertThat(run("run-asha").attempt()).isEqualTo(1);
        assertThat(run("run-asha").retryCounts()).isEqualTo("{\"0\":1}");
        assertThat(run("run-asha").leaseOwner()).isNull();
        clock.advanceSeconds(1);
        assertThat(engine.drain()).as("not due yet").isZero();
        clock.advanceSeconds(1);
        assertThat(engine.drain()).isEqualTo(1);
        assertThat(run("run-asha").nextAttemptAt()).isEqualTo(T.plusSeconds(2 + 4));
        assertThat(run("run-asha").retryCounts()).isEqualTo("{\"0\":2}");
        clock.advanceSeconds(4);
        engine.drain();
        assertThat(run("run-asha").nextAttemptAt()).isEqualTo(T.plusSeconds(2 + 4 + 8));
        clock.advanceSeconds(8);
        assertThat(engine.drain()).isEqualTo(1);

        WorkflowRun caught = run("run-asha");
        assertThat(attempts).containsExactly(1, 2, 3, 4);
        assertThat(caught.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(caught.currentState()).isEqualTo("GiveUp");
        assertThat(Json.parse(caught.stateInput()).get("error").get("Error").asText()).isEqualTo("VendorBusy");
        assertThat(Json.parse(caught.stateInput()).get("error").get("Cause").asText()).isEqualTo("the dairy's line is busy");
        assertThat(Json.parse(caught.stateInput()).get("orderId").asText()).isEqualTo("order-asha");
        List<RunEvent> history = store.events("run-asha");
        assertThat(history).filteredOn(e -> e.type().equals("RetryScheduled"))
                .extracting(e -> Json.parse(e.detail()).get("nextAttemptAt").asText())
                .containsExactly(T.plusSeconds(2).toString(), T.plusSeconds(6).toString(), T.plusSeconds(14).toString());
        assertThat(history).filteredOn(e -> e.type().equals("TaskFailed"))
                .extracting(e -> Json.parse(e.detail()).get("attempt").asInt()).containsExactly(1, 2, 3, 4);
        assertThat(history).extracting(RunEvent::type).containsSubsequence("TaskFailed", "ErrorCaught",
                "StateEntered", "RunSucceeded");
        RunEvent errorCaught = history.stream().filter(e -> e.type().equals("ErrorCaught")).findFirst().orElseThrow();
        assertThat(Json.parse(errorCaught.detail()).get("next").asText()).isEqualTo("GiveUp");
    }

    @Test
    void a_retrier_with_max_attempts_zero_never_retries_and_other_errors_pass_by_it() {
        StateMachine machine = Machines.oneTask("CallVendor", """
                'Retry': [{'ErrorEquals': ['VendorBusy'], 'MaxAttempts': 0},
                          {'ErrorEquals': ['States.TaskFailed'], 'IntervalSeconds': 5}]""");
        AtomicInteger calls = new AtomicInteger();
        WorkflowEngine engine = engine(machine, Map.of("CallVendor", (input, context) -> {
            throw calls.incrementAndGet() == 1 ? new StepFailure("VendorBusy", "busy") : new StepFailure("X", "y");
        }));
        engine.start("run-asha", "order-asha", ASHAS_ORDER);

        engine.drain();

        assertThat(run("run-asha").status()).as("the first matching retrier decides").isEqualTo(RunStatus.FAILED);
        assertThat(run("run-asha").error()).isEqualTo("VendorBusy");
        assertThat(calls).hasValue(1);
    }

    @Test
    void a_task_sees_the_context_object_and_its_retry_count() {
        StateMachine machine = Machines.oneTask("CallVendor", """
                'Parameters': {'retries.$': '$$.State.RetryCount', 'state.$': '$$.State.Name',
                               'runId.$': '$$.Execution.Id', 'started.$': '$$.Execution.StartTime'},
                'Retry': [{'ErrorEquals': ['States.ALL'], 'IntervalSeconds': 1}]""");
        List<Map<String, Object>> inputs = new CopyOnWriteArrayList<>();
        List<StepContext> contexts = new CopyOnWriteArrayList<>();
        WorkflowEngine engine = engine(machine, Map.of("CallVendor", (input, context) -> {
            inputs.add(input);
            contexts.add(context);
            if (inputs.size() == 1) {
                throw new IllegalStateException("first call fails");
            }
            return Map.of();
        }));
        engine.start("run-asha", "order-asha", ASHAS_ORDER);

        engine.drain();
        clock.advanceSeconds(1);
        engine.drain();

        assertThat(inputs).containsExactly(
                Map.of("retries", 0, "state", "CallVendor", "runId", "run-asha", "started", T.toString()),
                Map.of("retries", 1, "state", "CallVendor", "runId", "run-asha", "started", T.toString()));
        assertThat(contexts).containsExactly(new StepContext("run-asha", "CallVendor", 1),
                new StepContext("run-asha", "CallVendor", 2));
        assertThat(run("run-asha").status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void a_handler_slower_than_its_timeout_is_interrupted_and_fails_with_states_timeout() {
        StateMachine machine = Machines.oneTask("Churn", "'TimeoutSeconds': 1");
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        WorkflowEngine engine = engine(machine, Map.of("Churn", (input, context) -> {
            try {
                never.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            return Map.of();
        }));
        engine.start("run-asha", "order-asha", ASHAS_ORDER);

        engine.drain();

        WorkflowRun failed = run("run-asha");
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).isEqualTo("States.Timeout");
        assertThat(failed.currentState()).isEqualTo("Churn");
        Eventually.await(Duration.ofSeconds(5), "the slow handler is interrupted", interrupted::get);
    }

    @Test
    void an_uncaught_failure_fails_the_run_in_its_state_and_a_redrive_runs_that_state_again() {
        StateMachine machine = Machines.oneTask("NotifyVendors", "'ResultPath': '$.notified'");
        AtomicInteger calls = new AtomicInteger();
        WorkflowEngine engine = engine(machine, Map.of("NotifyVendors", (input, context) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the vendor app is offline");
            }
            return Map.of("vendors", 2);
        }));
        engine.start("run-asha", "order-asha", ASHAS_ORDER);
        engine.drain();

        WorkflowRun failed = run("run-asha");
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.currentState()).isEqualTo("NotifyVendors");
        assertThat(failed.error()).isEqualTo("States.TaskFailed");
        assertThat(failed.cause()).isEqualTo("the vendor app is offline");
        assertThat(Json.parse(failed.stateInput())).isEqualTo(json("{'orderId': 'order-asha'}"));
        assertThat(failed.leaseOwner()).isNull();
        assertThat(engine.retryable(failed)).isTrue();

        clock.advanceSeconds(60);
        WorkflowRun redriven = engine.redrive("run-asha");
        assertThat(redriven.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(redriven.nextAttemptAt()).isEqualTo(T.plusSeconds(60));
        assertThat(redriven.error()).isNull();
        assertThat(engine.drain()).isEqualTo(1);

        WorkflowRun done = run("run-asha");
        assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(Json.parse(done.stateInput())).isEqualTo(json("{'orderId': 'order-asha', 'notified': {'vendors': 2}}"));
        assertThat(calls).hasValue(2);
        assertThat(store.events("run-asha")).extracting(RunEvent::type).containsExactly("RunStarted",
                "StateEntered", "TaskFailed", "RunFailed", "RunRedriven", "TaskSucceeded", "RunSucceeded");
    }

    @Test
    void refuses_to_redrive_a_run_that_failed_in_a_fail_state_or_did_not_fail() {
        StateMachine machine = Machines.parse("""
                {'StartAt': 'Reject', 'States': {
                  'Reject': {'Type': 'Fail', 'Error': 'OutOfStock', 'Cause': 'no toned milk left'}}}""");
        WorkflowEngine engine = engine(machine, Map.of());
        engine.start("run-rejected", "order-asha", ASHAS_ORDER);
        engine.drain();
        WorkflowRun rejected = run("run-rejected");
        assertThat(rejected.status()).isEqualTo(RunStatus.FAILED);
        assertThat(rejected.error()).isEqualTo("OutOfStock");
        assertThat(rejected.cause()).isEqualTo("no toned milk left");
        engine.start("run-running", "order-ravi", ASHAS_ORDER);

        assertThat(engine.retryable(rejected)).isFalse();
        assertThat(engine.retryable(run("run-running"))).isFalse();
        assertThatThrownBy(() -> engine.redrive("run-rejected")).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.error()).isEqualTo("RunNotRetryable");
            assertThat(e.failure()).isEqualTo(Failure.CONFLICT);
        });
        assertThatThrownBy(() -> engine.redrive("run-running")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.error()).isEqualTo("RunNotRetryable"));
        assertThatThrownBy(() -> engine.redrive("run-nobody")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND));
    }

    @Test
    void a_run_stopped_while_it_waits_for_a_retry_is_aborted_and_its_handler_not_called_again() {
        StateMachine machine = Machines.oneTask("CallVendor",
                "'Retry': [{'ErrorEquals': ['States.ALL'], 'IntervalSeconds': 2}]");
        AtomicInteger calls = new AtomicInteger();
        WorkflowEngine engine = engine(machine, Map.of("CallVendor", (input, context) -> {
            calls.incrementAndGet();
            throw new StepFailure("VendorBusy", "busy");
        }));
        engine.start("run-asha", "order-asha", ASHAS_ORDER);
        engine.drain();

        WorkflowRun stopped = engine.stop("run-asha", "OrderCancelled", "Asha cancelled the order").orElseThrow();
        clock.advanceSeconds(60);

        assertThat(engine.drain()).isZero();
        assertThat(calls).hasValue(1);
        assertThat(stopped.status()).isEqualTo(RunStatus.ABORTED);
        assertThat(run("run-asha")).isEqualTo(stopped);
        assertThat(stopped.error()).isEqualTo("OrderCancelled");
        assertThat(stopped.cause()).isEqualTo("Asha cancelled the order");
        assertThat(store.events("run-asha")).last().extracting(RunEvent::type).isEqualTo("RunAborted");
        assertThat(engine.stop("run-asha", "OrderCancelled", "again")).isEmpty();
        assertThat(engine.stop("run-nobody", "OrderCancelled", "no such run")).isEmpty();
    }

    @Test
    void a_run_stopped_while_its_handler_runs_stays_aborted_because_the_holders_write_fails() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        WorkflowEngine engine = engine(Machines.oneTask("NotifyVendors", ""), Map.of("NotifyVendors", (i, c) -> {
            entered.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("vendors", 2);
        }));
        engine.start("run-asha", "order-asha", ASHAS_ORDER);
        CompletableFuture<Integer> draining = CompletableFuture.supplyAsync(engine::drain);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(engine.stop("run-asha", "OrderCancelled", "Asha cancelled the order")).isPresent();
        release.countDown();

        assertThat(draining.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(run("run-asha").status()).isEqualTo(RunStatus.ABORTED);
        assertThat(store.events("run-asha")).extracting(RunEvent::type)
                .containsExactly("RunStarted", "StateEntered", "RunAborted");
    }

    @Test
    void a_run_held_by_an_owner_that_died_is_finished_once_its_lease_runs_out() {
        AtomicInteger calls = new AtomicInteger();
        WorkflowEngine engine = engine(Machines.oneTask("NotifyVendors", ""), Map.of("NotifyVendors", (i, c) -> {
            calls.incrementAndGet();
            return Map.of();
        }));
        NewRun fresh = engine.prepare("run-asha", "order-asha", ASHAS_ORDER);
        store.create(fresh.run(), fresh.events());
        store.claim("run-asha", "engine-that-crashed", T, T.plusSeconds(3)).orElseThrow();

        assertThat(engine.drain()).isZero();
        assertThat(calls).hasValue(0);

        clock.advanceSeconds(4);
        assertThat(engine.drain()).isEqualTo(1);

        assertThat(run("run-asha").status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(calls).hasValue(1);
    }

    @Test
    void drain_renews_the_lease_while_a_handler_takes_long() {
        AtomicBoolean renewed = new AtomicBoolean();
        WorkflowEngine engine = new WorkflowEngine(store, Machines.oneTask("Churn", ""), "MilkTest",
                Map.of("Churn", (input, context) -> {
                    clock.advanceSeconds(10);
                    Instant renewedUntil = T.plusSeconds(10).plusMillis(300);
                    Eventually.await(Duration.ofSeconds(5), "the lease is renewed while the handler works",
                            () -> renewedUntil.equals(run("run-asha").leaseUntil()));
                    renewed.set(true);
                    return Map.of();
                }), clock, EngineSettings.defaults().withLease(Duration.ofMillis(300)));
        engines.add(engine);
        engine.start("run-asha", "order-asha", ASHAS_ORDER);

        engine.drain();

        assertThat(renewed).isTrue();
        assertThat(run("run-asha").status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void waits_seconds_from_a_path_until_a_timestamp_or_from_a_path_and_not_at_all_for_a_past_timestamp() {
        Map<String, Instant> dueAt = Map.of(
                "'SecondsPath': '$.coolFor'", T.plusSeconds(90),
                "'Timestamp': '2026-03-02T07:15:00Z'", Instant.parse("2026-03-02T07:15:00Z"),
                "'TimestampPath': '$.deliverAt'", Instant.parse("2026-03-02T12:30:00Z"));
        Map<String, Object> input = Map.of("coolFor", 90, "deliverAt", "2026-03-02T18:00:00+05:30");
        dueAt.forEach((waitFor, due) -> {
            WorkflowStore own = new InMemoryWorkflowStore();
            WorkflowEngine engine = engine(own, Machines.parse("""
                    {'StartAt': 'Hold', 'States': {'Hold': {'Type': 'Wait', %s, 'Next': 'Done'},
                                                   'Done': {'Type': 'Succeed'}}}""".formatted(waitFor)), Map.of());
            engine.start("run-hold", "order-asha", input);
            engine.drain();
            assertThat(own.get("run-hold").orElseThrow().nextAttemptAt()).as(waitFor).isEqualTo(due);
            assertThat(own.get("run-hold").orElseThrow().status()).as(waitFor).isEqualTo(RunStatus.RUNNING);
        });

        WorkflowEngine past = engine(Machines.parse("""
                {'StartAt': 'Hold', 'States': {'Hold': {'Type': 'Wait', 'Timestamp': '2026-03-01T06:00:00Z',
                                                        'Next': 'Done'}, 'Done': {'Type': 'Succeed'}}}"""), Map.of());
        past.start("run-past", "order-asha", input);
        assertThat(past.drain()).isEqualTo(1);
        assertThat(run("run-past").status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void a_run_older_than_the_definitions_timeout_fails_with_states_timeout_when_next_worked_on() {
        WorkflowEngine engine = engine(Machines.parse("""
                {'StartAt': 'Hold', 'TimeoutSeconds': 60, 'States': {
                  'Hold': {'Type': 'Wait', 'Seconds': 120, 'Next': 'Done'}, 'Done': {'Type': 'Succeed'}}}"""),
                Map.of());
        engine.start("run-asha", "order-asha", ASHAS_ORDER);
        engine.drain();

        clock.advanceSeconds(120);
        engine.drain();

        WorkflowRun timedOut = run("run-asha");
        assertThat(timedOut.status()).isEqualTo(RunStatus.FAILED);
        assertThat(timedOut.error()).isEqualTo("States.Timeout");
        assertThat(timedOut.currentState()).isEqualTo("Hold");
    }

    @Test
    void a_pass_state_puts_a_fixed_result_and_null_paths_give_empty_objects() {
        WorkflowEngine engine = engine(Machines.parse("""
                {'StartAt': 'Grade', 'States': {
                  'Grade': {'Type': 'Pass', 'Result': {'grade': 'A'}, 'ResultPath': '$.quality', 'Next': 'Keep'},
                  'Keep': {'Type': 'Pass', 'InputPath': null, 'ResultPath': null, 'OutputPath': '$.quality',
                           'Next': 'Done'},
                  'Done': {'Type': 'Succeed', 'OutputPath': null}
                }}"""), Map.of());
        engine.start("run-asha", "order-asha", ASHAS_ORDER);

        assertThat(engine.drain()).isEqualTo(1);

        List<RunEvent> entered = store.events("run-asha").stream().filter(e -> e.type().equals("StateEntered"))
                .toList();
        assertThat(Json.parse(entered.get(1).detail())).isEqualTo(json("{'orderId': 'order-asha', 'quality': {'grade': 'A'}}"));
        assertThat(Json.parse(entered.get(2).detail())).isEqualTo(json("{'grade': 'A'}"));
        assertThat(Json.parse(run("run-asha").stateInput())).isEqualTo(json("{}"));
    }

    @Test
    void a_runtime_error_fails_the_run_even_when_a_catch_names_states_all() {
        AtomicInteger calls = new AtomicInteger();
        WorkflowEngine engine = engine(Machines.oneTask("NotifyVendors", """
                'Parameters': {'vendorId.$': '$.vendor.id'},
                'Catch': [{'ErrorEquals': ['States.ALL'], 'Next': 'GiveUp'}]"""), Map.of("NotifyVendors", (i, c) -> {
            calls.incrementAndGet();
            return Map.of();
        }));
        engine.start("run-asha", "order-asha", ASHAS_ORDER);

        engine.drain();

        WorkflowRun failed = run("run-asha");
        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).isEqualTo("States.Runtime");
        assertThat(failed.cause()).contains("$.vendor.id");
        assertThat(calls).hasValue(0);
    }

    @Test
    void a_task_whose_effective_input_is_no_object_fails_with_a_runtime_error() {
        WorkflowEngine engine = engine(Machines.oneTask("NotifyVendors", "'InputPath': '$.orderId'"),
                Map.of("NotifyVendors", (i, c) -> Map.of()));
        engine.start("run-asha", "order-asha", ASHAS_ORDER);

        engine.drain();

        assertThat(run("run-asha").error()).isEqualTo("States.Runtime");
    }

    @Test
    void keeps_history_details_small_when_a_task_returns_a_large_result() {
        String longNote = "fresh toned milk ".repeat(2_000);
        WorkflowEngine engine = engine(Machines.oneTask("NotifyVendors", "'ResultPath': '$.result'"),
                Map.of("NotifyVendors", (i, c) -> Map.of("note", longNote)));
        engine.start("run-asha", "order-asha", ASHAS_ORDER);

        engine.drain();

        assertThat(Json.parse(run("run-asha").stateInput()).at("/result/note").asText()).isEqualTo(longNote);
        assertThat(store.events("run-asha")).allSatisfy(e -> {
            assertThat(e.detail()).hasSizeLessThan(4_096);
            Json.parse(e.detail());
        });
    }

    @Test
    void refuses_handlers_that_do_not_fit_the_definition_naming_them() {
        String twoTasks = Machines.json("""
                {'StartAt': 'NotifyVendors', 'States': {
                  'NotifyVendors': {'Type': 'Task', 'Resource': '${NotifyVendorsFunctionArn}', 'Next': 'NotifyCustomer'},
                  'NotifyCustomer': {'Type': 'Task', 'Resource': '${NotifyCustomerFunctionArn}', 'End': true}}}""");
        StateMachine machine = StateMachine.parse(twoTasks, StateMachine.localSubstitutions(twoTasks));
        StepHandler handler = (i, c) -> Map.of();

        assertThatThrownBy(() -> new WorkflowEngine(store, machine, "MilkTest", Map.of("NotifyVendors", handler),
                clock, EngineSettings.defaults())).isInstanceOf(InvalidDefinition.class)
                .hasMessageContaining("tasks without a handler [NotifyCustomer]");
        assertThatThrownBy(() -> new WorkflowEngine(store, machine, "MilkTest", Map.of("NotifyVendors", handler,
                "NotifyCustomer", handler, "SendInvoice", handler), clock, EngineSettings.defaults()))
                .isInstanceOf(InvalidDefinition.class)
                .hasMessageContaining("handlers no Task state uses [SendInvoice]");
    }

    @Test
    void a_started_engine_wakes_a_run_when_its_short_wait_ends_without_waiting_for_the_next_poll() {
        WorkflowEngine engine = new WorkflowEngine(store, Machines.parse("""
                {'StartAt': 'Hold', 'States': {'Hold': {'Type': 'Wait', 'Seconds': 1, 'Next': 'Done'},
                                               'Done': {'Type': 'Succeed'}}}"""), "MilkTest", Map.of(),
                Clock.systemUTC(), EngineSettings.defaults().withPollInterval(Duration.ofSeconds(10)));
        engines.add(engine);
        engine.start();

        engine.start("run-asha", "order-asha", ASHAS_ORDER);

        Eventually.await(Duration.ofSeconds(5), "the run ends after its one-second wait",
                () -> run("run-asha").status() == RunStatus.SUCCEEDED);
    }

    private WorkflowEngine engine(StateMachine machine, Map<String, StepHandler> handlers) {
        return engine(store, machine, handlers);
    }

    private WorkflowEngine engine(WorkflowStore on, StateMachine machine, Map<String, StepHandler> handlers) {
        WorkflowEngine engine = new WorkflowEngine(on, machine, "MilkTest", handlers, clock,
                EngineSettings.defaults().withOwner("engine-test").withLease(Duration.ofSeconds(3)));
        engines.add(engine);
        return engine;
    }

    private WorkflowRun run(String runId) {
        return store.get(runId).orElseThrow();
    }

    /** A JSON literal written with single quotes. */
    private static JsonNode json(String singleQuoted) {
        return Json.parse(Machines.json(singleQuoted));
    }
}
