package com.milkrun.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.RunStatus;
import com.milkrun.workflow.StepContext;
import com.milkrun.workflow.StepFailure;
import com.milkrun.workflow.StepHandler;
import com.milkrun.workflow.WorkflowRun;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Executes one state of a run: works out the state's input, calls the handler of a Task, applies Retry, Catch and
 * the paths, and answers the run's next value with the history events of that step. It never writes to the store.
 */
final class Interpreter {
    private static final Duration LONGEST_DELAY = Duration.ofDays(365);

    /** Runs a handler in the thread that asks for it: for work done ahead, which waits for nothing. */
    static final ExecutorService CALLING_THREAD = new java.util.concurrent.AbstractExecutorService() {
        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return false;
        }
    };

    /**
     * The run's value after one step and the events that step wrote.
     *
     * @param state the next state's input as a tree, when the step made it (else null): a following step in the same
     *              thread takes it instead of parsing the stored text again, and owns it
     */
    record Step(WorkflowRun next, List<RunEvent> events, JsonNode state) {
        Step(WorkflowRun next, List<RunEvent> events) {
            this(next, events, null);
        }
    }

    /** The worker was interrupted (the engine is closing) while a handler ran: the step is given up, not failed. */
    static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("abandoned", null, false, false);
        }
    }

    private record Outcome(JsonNode result, String error, String cause) {
        boolean failed() {
            return error != null;
        }
    }

    private final StateMachine machine;
    private final Map<String, StepHandler> handlers;
    private final ExecutorService taskPool;
    private final Clock clock;

    Interpreter(StateMachine machine, Map<String, StepHandler> handlers, ExecutorService taskPool, Clock clock) {
        this.machine = machine;
        this.handlers = Map.copyOf(handlers);
        this.taskPool = taskPool;
        this.clock = clock;
    }

    /**
     * Executes the state {@code run} (running, held by the caller) is in, calling {@code keepAlive} every
     * {@code keepAliveEvery} while a handler runs (so that the caller can renew its lease).
     */
    Step step(WorkflowRun run, Duration keepAliveEvery, Runnable keepAlive) {
        return step(run, null, keepAliveEvery, keepAlive);
    }

    /**
     * {@link #step(WorkflowRun, Duration, Runnable)} with the run's state input already as a tree ({@link Step#state()}
     * of the step before, which this step may change), or null to parse it from the run.
     */
    Step step(WorkflowRun run, JsonNode input, Duration keepAliveEvery, Runnable keepAlive) {
        Instant now = clock.instant();
        List<RunEvent> events = new ArrayList<>();
        if (machine.timeoutSeconds().isPresent()
                && !now.isBefore(run.createdAt().plusSeconds(machine.timeoutSeconds().getAsLong()))) {
            return fail(run, StatesError.TIMEOUT, "The run did not end within the definition's TimeoutSeconds ("
                    + machine.timeoutSeconds().getAsLong() + " s)", now, events);
        }
        Optional<State> state = machine.find(run.currentState());
        if (state.isEmpty()) {
            return fail(run, StatesError.RUNTIME, "The definition has no state " + run.currentState(), now, events);
        }
        try {
            JsonNode raw = input != null ? input : Json.parse(run.stateInput());
            return switch (state.get()) {
                case State.Task task -> task(run, task, raw, now, events, keepAliveEvery, keepAlive);
                case State.Pass pass -> pass(run, pass, raw, now, events);
                case State.Choice choice -> choice(run, choice, raw, now, events);
                case State.Wait wait -> waitState(run, wait, raw, now, events);
                case State.Succeed succeed -> succeed(run, DataFlow.output(succeed.outputPath(),
                        DataFlow.input(succeed.inputPath(), raw)), now, events);
                case State.Fail failState -> fail(run,
                        failState.error().or(() -> failState.errorPath().map(p -> text(p, raw))).orElse(null),
                        failState.cause().or(() -> failState.causePath().map(p -> text(p, raw))).orElse(null),
                        now, events);
            };
        } catch (StatesError e) {
            return fail(run, e.error(), e.cause(), clock.instant(), events);
        } catch (UncheckedIOException e) {
            return fail(run, StatesError.RUNTIME, "The state's stored input is not JSON", now, events);
        }
    }

    private static String text(ReferencePath path, JsonNode input) {
        return path.read(input).map(n -> n.isTextual() ? n.asText() : n.toString()).orElseThrow(() ->
                StatesError.runtime("Invalid path '" + path + "': it names nothing in the input"));
    }

    private Step task(WorkflowRun run, State.Task task, JsonNode raw, Instant now, List<RunEvent> events,
                      Duration keepAliveEvery, Runnable keepAlive) {
        JsonNode effective = DataFlow.input(task.inputPath(), raw);
        if (task.parameters().isPresent()) {
            effective = task.parameters().get().apply(effective, context(run, now));
        }
        if (!effective.isObject()) {
            throw StatesError.runtime("A Task's effective input must be a JSON object, not " + effective.getNodeType());
        }
        Outcome outcome = invoke(run, task, effective, keepAliveEvery, keepAlive);
        Instant after = clock.instant();
        if (!outcome.failed()) {
            events.add(RunEvent.of("TaskSucceeded", task.name(), Details.fields("output", outcome.result()), after));
            try {
                JsonNode result = outcome.result();
                if (task.resultSelector().isPresent()) {
                    result = task.resultSelector().get().apply(result, context(run, now));
                }
                JsonNode output = DataFlow.output(task.outputPath(), DataFlow.place(task.resultPath(), raw, result));
                return transition(run, task.next(), output, after, events);
            } catch (StatesError e) {
                if (e.error().equals(StatesError.RUNTIME)) {
                    throw e;
                }
                return handleError(run, task, raw, e.error(), e.cause(), after, events);
            }
        }
        events.add(RunEvent.of("TaskFailed", task.name(), Details.fields("error", outcome.error(),
                "cause", outcome.cause(), "attempt", run.attempt() + 1), after));
        return handleError(run, task, raw, outcome.error(), outcome.cause(), after, events);
    }

    /** Calls the Task's handler on a thread of the task pool, waiting at most its TimeoutSeconds. */
    private Outcome invoke(WorkflowRun run, State.Task task, JsonNode effective, Duration keepAliveEvery,
                           Runnable keepAlive) {
        String name = StateMachine.taskName(task.resource());
        StepHandler handler = handlers.get(name);
        if (handler == null) {
            throw StatesError.runtime("No handler for the task " + name);
        }
        Map<String, Object> input = Json.toMap(effective);
        StepContext context = new StepContext(run.runId(), task.name(), run.attempt() + 1);
        Future<Object> future;
        try {
            future = taskPool.submit(() -> handler.handle(input, context));
        } catch (RejectedExecutionException e) {
            throw new Abandoned();
        }
        try {
            Object result = await(future, Duration.ofSeconds(task.timeoutSeconds()), keepAliveEvery, keepAlive);
            JsonNode tree = result == null ? NullNode.getInstance() : Json.toTree(result);
            return new Outcome(tree == null ? NullNode.getInstance() : tree, null, null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Outcome(null, StatesError.TIMEOUT,
                    "The task did not finish within its TimeoutSeconds (" + task.timeoutSeconds() + " s)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof StepFailure failure) {
                return new Outcome(null, failure.error(), failure.cause());
            }
            return new Outcome(null, StatesError.TASK_FAILED, describe(cause));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Abandoned();
        } catch (IllegalArgumentException e) {
            return new Outcome(null, StatesError.TASK_FAILED, "The task's result is not JSON: " + e.getMessage());
        }
    }

    /** The future's value, calling {@code keepAlive} every {@code every} until it comes or {@code timeout} passes. */
    private static Object await(Future<Object> future, Duration timeout, Duration every, Runnable keepAlive)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException();
            }
            try {
                return future.get(Math.min(left, every.toNanos()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (System.nanoTime() - deadline < 0) {
                    keepAlive.run();
                }
            }
        }
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
    }

    private Step handleError(WorkflowRun run, State.Task task, JsonNode raw, String error, String cause, Instant now,
                             List<RunEvent> events) {
        ObjectNode counts = retryCounts(run);
        for (int i = 0; i < task.retry().size(); i++) {
            State.Retrier retrier = task.retry().get(i);
            if (!matches(retrier.errorEquals(), error)) {
                continue;
            }
            int used = counts.path(String.valueOf(i)).asInt(0);
            if (used < retrier.maxAttempts()) {
                Instant due = now.plus(delay(retrier, used));
                counts.put(String.valueOf(i), used + 1);
                events.add(RunEvent.of("RetryScheduled", task.name(), Details.fields("error", error,
                        "nextAttemptAt", due, "retrier", i, "retry", used + 1), now));
                return new Step(run.retryAt(due, run.attempt() + 1, Json.write(counts), now), events);
            }
            break;
        }
        for (State.Catcher catcher : task.catchers()) {
            if (matches(catcher.errorEquals(), error)) {
                ObjectNode errorOutput = Json.object();
                errorOutput.put("Error", error);
                errorOutput.put("Cause", cause);
                JsonNode output = DataFlow.place(catcher.resultPath(), raw, errorOutput);
                events.add(RunEvent.of("ErrorCaught", task.name(), Details.fields("error", error, "cause", cause,
                        "next", catcher.next()), now));
                return transition(run, Optional.of(catcher.next()), output, now, events);
            }
        }
        return fail(run, error, cause, now, events);
    }

    /**
     * Whether a Retry or Catch naming {@code names} handles {@code error}: {@code States.ALL} handles every error,
     * {@code States.TaskFailed} every error but {@code States.Timeout}; neither handles {@code States.Runtime}.
     */
    static boolean matches(List<String> names, String error) {
        if (StatesError.RUNTIME.equals(error)) {
            return false;
        }
        return names.contains(error) || names.contains(StatesError.ALL)
                || (names.contains(StatesError.TASK_FAILED) && !StatesError.TIMEOUT.equals(error));
    }

    static Duration delay(State.Retrier retrier, int retriesUsed) {
        double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), retriesUsed);
        if (retrier.maxDelaySeconds().isPresent()) {
            seconds = Math.min(seconds, retrier.maxDelaySeconds().get());
        }
        double millis = Math.min(seconds * 1000.0, LONGEST_DELAY.toMillis());
        return Duration.ofMillis(Math.round(millis));
    }

    private static ObjectNode retryCounts(WorkflowRun run) {
        try {
            JsonNode counts = Json.parse(run.retryCounts());
            return counts instanceof ObjectNode object ? object : Json.object();
        } catch (UncheckedIOException e) {
            return Json.object();
        }
    }

    private Step pass(WorkflowRun run, State.Pass pass, JsonNode raw, Instant now, List<RunEvent> events) {
        JsonNode effective = DataFlow.input(pass.inputPath(), raw);
        if (pass.parameters().isPresent()) {
            effective = pass.parameters().get().apply(effective, context(run, now));
        }
        JsonNode result = pass.result().<JsonNode>map(JsonNode::deepCopy).orElse(effective);
        JsonNode output = DataFlow.output(pass.outputPath(), DataFlow.place(pass.resultPath(), raw, result));
        return transition(run, pass.next(), output, now, events);
    }

    private Step choice(WorkflowRun run, State.Choice choice, JsonNode raw, Instant now, List<RunEvent> events) {
        JsonNode effective = DataFlow.input(choice.inputPath(), raw);
        String next = choice.choices().stream().filter(b -> b.rule().matches(effective)).map(State.Branch::next)
                .findFirst().or(choice::defaultNext).orElseThrow(() -> new StatesError(StatesError.NO_CHOICE_MATCHED,
                        "No Choice rule of " + choice.name() + " matched and it has no Default"));
        return transition(run, Optional.of(next), DataFlow.output(choice.outputPath(), effective), now, events);
    }

    /**
     * A Wait state is executed twice: first (attempt 0) it works out until when to wait and, unless that instant has
     * passed, stores the run due then (attempt 1); when due again it goes on.
     */
    private Step waitState(WorkflowRun run, State.Wait wait, JsonNode raw, Instant now, List<RunEvent> events) {
        JsonNode effective = DataFlow.input(wait.inputPath(), raw);
        JsonNode output = DataFlow.output(wait.outputPath(), effective);
        if (run.attempt() > 0) {
            return transition(run, wait.next(), output, now, events);
        }
        Instant until = waitUntil(wait, effective, now);
        if (!until.isAfter(now)) {
            return transition(run, wait.next(), output, now, events);
        }
        events.add(RunEvent.of("WaitStarted", wait.name(), Details.fields("until", until), now));
        return new Step(run.retryAt(until, 1, run.retryCounts(), now), events);
    }

    private static Instant waitUntil(State.Wait wait, JsonNode input, Instant now) {
        if (wait.seconds().isPresent()) {
            return now.plusSeconds(wait.seconds().get());
        }
        if (wait.timestamp().isPresent()) {
            return wait.timestamp().get();
        }
        if (wait.secondsPath().isPresent()) {
            ReferencePath path = wait.secondsPath().get();
            JsonNode seconds = path.read(input).orElseThrow(() -> StatesError.runtime(
                    "Invalid path '" + path + "': SecondsPath names nothing in the input"));
            if (!seconds.isIntegralNumber() || seconds.asLong() < 0) {
                throw StatesError.runtime("SecondsPath '" + path + "' must name a non-negative integer, not "
                        + seconds);
            }
            return now.plusSeconds(seconds.asLong());
        }
        ReferencePath path = wait.timestampPath().orElseThrow();
        JsonNode timestamp = path.read(input).orElseThrow(() -> StatesError.runtime(
                "Invalid path '" + path + "': TimestampPath names nothing in the input"));
        return ChoiceRule.Comparison.timestamp(timestamp).orElseThrow(() -> StatesError.runtime(
                "TimestampPath '" + path + "' must name an ISO-8601 timestamp, not " + timestamp));
    }

    private Step transition(WorkflowRun run, Optional<String> next, JsonNode output, Instant now,
                            List<RunEvent> events) {
        if (next.isEmpty()) {
            return succeed(run, output, now, events);
        }
        String json = Json.write(output);
        events.add(RunEvent.of("StateEntered", next.get(), Details.document(json), now));
        return new Step(run.enter(next.get(), json, now, now), events, output);
    }

    private static Step succeed(WorkflowRun run, JsonNode output, Instant now, List<RunEvent> events) {
        events.add(RunEvent.of("RunSucceeded", run.currentState(), Details.fields("output", output), now));
        return new Step(run.withStateInput(Json.write(output)).end(RunStatus.SUCCEEDED, null, null, now), events);
    }

    private static Step fail(WorkflowRun run, String error, String cause, Instant now, List<RunEvent> events) {
        String shortCause = Details.text(cause);
        events.add(RunEvent.of("RunFailed", run.currentState(), Details.fields("error", error, "cause", shortCause),
                now));
        return new Step(run.end(RunStatus.FAILED, error, shortCause, now), events);
    }

    /** The context object ({@code $$}) of a step. */
    private JsonNode context(WorkflowRun run, Instant now) {
        ObjectNode context = Json.object();
        ObjectNode execution = context.putObject("Execution");
        execution.put("Id", run.runId());
        execution.put("Name", run.runId());
        execution.put("StartTime", run.createdAt().toString());
        context.putObject("StateMachine").put("Name", run.workflow());
        ObjectNode state = context.putObject("State");
        state.put("Name", run.currentState());
        state.put("EnteredTime", now.toString());
        state.put("RetryCount", run.attempt());
        return context;
    }
}
