package com.milkrun.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.milkrun.shared.DomainException;
import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.RunStatus;
import com.milkrun.workflow.StepHandler;
import com.milkrun.workflow.WorkflowRun;
import com.milkrun.workflow.WorkflowStore;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs workflow runs of one state machine durably on a {@link WorkflowStore}: any number of engines (in any number
 * of processes) may share a store. An engine works on a run only after claiming it, and writes each step as a
 * compare-and-set together with its history, so a state transition is never applied twice; a handler may be called
 * again for the same state after a crash or a lost lease, which is why handlers are idempotent.
 *
 * <p>After {@link #start()}, a poller hands due runs to a pool of workers, a heartbeat renews the leases of the runs
 * being worked on, and runs whose retry or Wait ends before the next poll are nudged at their due time. Without
 * {@code start()}, {@link #drain()} works on due runs in the calling thread (for tests and benchmarks).
 */
public final class WorkflowEngine implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WorkflowEngine.class.getName());
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    private static final long WAKE_SLACK_MILLIS = 5;
    /** Steps in a row on one claim before the run is let go, so that a looping definition cannot hog a worker. */
    private static final int MAX_STEPS_PER_CLAIM = 1_000;
    /** Events of a step that did not simply succeed, which work ahead leaves to the runner. */
    private static final Set<String> NOT_DONE_AHEAD = Set.of("TaskFailed", "RetryScheduled", "ErrorCaught", "RunFailed");

    /** What working on a run came to: the steps stored, and when it is due again if it now waits. */
    private record Worked(int steps, Instant wakeAt) {
        static final Worked NOTHING = new Worked(0, null);
    }

    private final WorkflowStore store;
    private final StateMachine machine;
    private final String workflowName;
    private final Clock clock;
    private final EngineSettings settings;
    private final ExecutorService taskPool;
    private final Interpreter interpreter;
    private final Duration keepAliveEvery;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Set<String> inProgress = ConcurrentHashMap.newKeySet();
    private volatile ExecutorService workers;
    private volatile ScheduledExecutorService scheduler;
    private volatile ScheduledFuture<?> poller;
    private volatile boolean started;
    private volatile boolean closed;

    /**
     * @param workflowName the name runs of this machine are stored under; the engine works only on runs of that name
     * @param handlers     the handler of each Task, by task name ({@link StateMachine#taskName(String)})
     * @throws InvalidDefinition when a Task has no handler or a handler serves no Task, naming both
     */
    public WorkflowEngine(WorkflowStore store, StateMachine machine, String workflowName,
                          Map<String, StepHandler> handlers, Clock clock, EngineSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.machine = Objects.requireNonNull(machine, "machine");
        this.workflowName = Objects.requireNonNull(workflowName, "workflowName");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        checkHandlers(machine, handlers);
        this.taskPool = Executors.newCachedThreadPool(threads("workflow-task-" + settings.owner()));
        this.interpreter = new Interpreter(machine, handlers, taskPool, clock);
        this.keepAliveEvery = settings.lease().dividedBy(3);
    }

    private static void checkHandlers(StateMachine machine, Map<String, StepHandler> handlers) {
        Set<String> missing = new TreeSet<>(machine.taskNames());
        missing.removeAll(handlers.keySet());
        Set<String> unused = new TreeSet<>(handlers.keySet());
        unused.removeAll(machine.taskNames());
        if (!missing.isEmpty() || !unused.isEmpty()) {
            throw new InvalidDefinition("The handlers do not fit the state machine: tasks without a handler "
                    + missing + "; handlers no Task state uses " + unused);
        }
    }

    /** Whether the engine works on runs: {@link #start()}ed and not closed. */
    public boolean running() {
        return started && !closed;
    }

    /** The state machine this engine runs. */
    public StateMachine machine() {
        return machine;
    }

    /** The name runs of this engine's machine are stored under. */
    public String workflowName() {
        return workflowName;
    }

    /**
     * A new run in the machine's first state, with its first events ({@code RunStarted} and {@code StateEntered},
     * each with the input), not yet stored: the caller stores it, for example atomically with the order it is about.
     */
    public NewRun prepare(String runId, String subjectId, Map<String, Object> input) {
        return prepared(runId, subjectId, input).run();
    }

    /** {@link #prepare}, with the first state's input as a tree for a step that follows in this thread. */
    private Prepared prepared(String runId, String subjectId, Map<String, Object> input) {
        Instant now = clock.instant();
        JsonNode tree = Json.toTree(input == null ? Map.of() : input);
        String json = Json.write(tree);
        WorkflowRun run = WorkflowRun.start(runId, workflowName, subjectId, machine.startAt(), json, now);
        String detail = Details.document(json);
        return new Prepared(new NewRun(run, List.of(RunEvent.of("RunStarted", null, detail, now),
                RunEvent.of("StateEntered", machine.startAt(), detail, now))), tree);
    }

    private record Prepared(NewRun run, JsonNode state) {
    }

    /**
     * A new run as {@link #prepare} makes it, then taken on in memory through every Task whose handler {@code ahead}
     * has, with the states that need no handler in between, until a Task it has no handler for, a Wait, or the end:
     * for a caller that stores the work those handlers did atomically with the run and its subject, so that a new
     * run's first steps cost no write of their own. The handlers run in the calling thread; a handler that fails (or
     * whose result the state cannot take) ends the work ahead without a trace: the run stays in that Task, to be
     * worked on as usual, and the failed call's work must not be stored.
     *
     * @param ahead handlers by task name that do a Task's work as part of the run's first write
     * @return the run and its events, with {@link Ahead#calls()}: how many calls of {@code ahead} handlers, counted
     *         from the first, the run records as done (the calls after them are discarded)
     */
    public Ahead prepareAhead(String runId, String subjectId, Map<String, Object> input,
                              Map<String, StepHandler> ahead) {
        Prepared prepared = prepared(runId, subjectId, input);
        NewRun fresh = prepared.run();
        if (ahead.isEmpty()) {
            return new Ahead(fresh, 0);
        }
        Interpreter inCaller = new Interpreter(machine, ahead, Interpreter.CALLING_THREAD, clock);
        WorkflowRun run = fresh.run();
        JsonNode stateTree = prepared.state();
        List<RunEvent> events = new java.util.ArrayList<>(fresh.events());
        int calls = 0;
        while (run.status() == RunStatus.RUNNING) {
            Optional<State> state = machine.find(run.currentState());
            boolean task = state.filter(State.Task.class::isInstance).isPresent();
            if (state.isEmpty() || !(task || instant(state.get()))
                    || (task && !ahead.containsKey(StateMachine.taskName(((State.Task) state.get()).resource())))) {
                break;
            }
            Interpreter.Step step = inCaller.step(run, stateTree, keepAliveEvery, () -> { });
            if (task) {
                calls++;
                boolean succeeded = step.events().get(0).type().equals("TaskSucceeded")
                        && step.events().stream().noneMatch(e -> NOT_DONE_AHEAD.contains(e.type()));
                if (!succeeded) {
                    calls--;
                    break;
                }
            }
            events.addAll(step.events());
            run = step.next();
            stateTree = step.state();
        }
        return new Ahead(new NewRun(run, events), calls);
    }

    /** What {@link #prepareAhead} came to: the run to store, and how many calls of its handlers it records as done. */
    public record Ahead(NewRun run, int calls) {
    }

    /**
     * Prepares, stores and nudges a new run.
     *
     * @throws com.milkrun.shared.ConcurrentModification when a run with that id exists
     */
    public WorkflowRun start(String runId, String subjectId, Map<String, Object> input) {
        NewRun fresh = prepare(runId, subjectId, input);
        store.create(fresh.run(), fresh.events());
        nudge(runId);
        return fresh.run();
    }

    /** Hands the run to a worker now (after {@link #start()}; before, the next {@link #drain()} finds it). */
    public void nudge(String runId) {
        if (!started || closed) {
            return;
        }
        ExecutorService pool = workers;
        if (pool == null || !queued.add(runId)) {
            return;
        }
        try {
            pool.execute(() -> workQueued(runId));
        } catch (RejectedExecutionException e) {
            queued.remove(runId);
        }
    }

    /**
     * Works on the run in the calling thread, as far as it goes without waiting (a retry's backoff or a Wait state
     * hands it to the timer and the workers): an eager start, for the thread that has just stored the run. It
     * changes only which thread does the work, not how: the claim, the compare-and-set steps and the lease are
     * those of any worker, so a crash halfway leaves the run to whoever claims it once the lease runs out. Before
     * {@link #start()} (or after {@link #close()}) it does nothing; a failure is logged, never thrown, and the run is
     * taken up again when its lease runs out.
     */
    public void runNow(String runId) {
        if (!started || closed) {
            return;
        }
        Worked worked = Worked.NOTHING;
        try {
            worked = work(runId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Working on workflow run " + runId + " failed; it is taken up again when its "
                    + "lease runs out", e);
        }
        if (worked.wakeAt() != null) {
            wakeAt(runId, worked.wakeAt());
        }
    }

    /** Starts polling for due runs, the workers and the lease heartbeat. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("The workflow engine is closed");
        }
        if (started) {
            return;
        }
        workers = Executors.newFixedThreadPool(settings.workers(), threads("workflow-worker-" + settings.owner()));
        scheduler = Executors.newScheduledThreadPool(2, threads("workflow-scheduler-" + settings.owner()));
        long beat = Math.max(10, settings.lease().toMillis() / 3);
        scheduler.scheduleAtFixedRate(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
        poller = scheduler.scheduleWithFixedDelay(this::poll, 0, settings.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        started = true;
    }

    /**
     * Stops polling, lets the steps in flight finish for a moment (then interrupts them and gives their runs up to
     * whoever claims them next) and stops every thread.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        if (poller != null) {
            poller.cancel(false);
        }
        if (workers != null) {
            workers.shutdown();
            if (!awaitTermination(workers, CLOSE_GRACE)) {
                workers.shutdownNow();
                awaitTermination(workers, CLOSE_GRACE);
            }
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        taskPool.shutdownNow();
    }

    private static boolean awaitTermination(ExecutorService pool, Duration wait) {
        try {
            return pool.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops a running run, whoever is working on it (the holder's next write then fails): it becomes
     * {@code Aborted} with {@code error} and {@code cause}.
     *
     * @return the stopped run, or empty when there is no such run or it is not running
     */
    public Optional<WorkflowRun> stop(String runId, String error, String cause) {
        while (true) {
            Optional<WorkflowRun> current = store.get(runId);
            if (current.isEmpty() || current.get().status() != RunStatus.RUNNING) {
                return Optional.empty();
            }
            WorkflowRun run = current.get();
            Instant now = clock.instant();
            Optional<WorkflowRun> stopped = store.advance(run.end(RunStatus.ABORTED, error, Details.text(cause), now),
                    List.of(RunEvent.of("RunAborted", run.currentState(),
                            Details.fields("error", error, "cause", cause), now)));
            if (stopped.isPresent()) {
                return stopped;
            }
        }
    }

    /**
     * Runs a failed run again from the state it failed in, with fresh retry counts.
     *
     * @throws DomainException {@code NotFound} for an unknown run; {@code RunNotRetryable} (a conflict) for a run
     *                         that did not fail, failed in a Fail state, or is not of this engine's workflow
     */
    public WorkflowRun redrive(String runId) {
        while (true) {
            WorkflowRun run = store.get(runId).orElseThrow(() -> DomainException.notFound("Run not found"));
            if (!retryable(run)) {
                throw DomainException.conflict("RunNotRetryable", run.status() == RunStatus.FAILED
                        ? "The run failed in " + run.currentState() + ", which ends runs as failed; it cannot be retried"
                        : "Only a failed run can be retried; this one is " + run.status().wireName());
            }
            Instant now = clock.instant();
            Optional<WorkflowRun> redriven = store.advance(run.redrive(now), List.of(RunEvent.of("RunRedriven",
                    run.currentState(), Details.fields("error", run.error(), "cause", run.cause()), now)));
            if (redriven.isPresent()) {
                nudge(runId);
                return redriven.get();
            }
        }
    }

    /** Whether {@link #redrive(String)} takes this run: it failed in a state other than a Fail state. */
    public boolean retryable(WorkflowRun run) {
        return run.status() == RunStatus.FAILED && run.workflow().equals(workflowName)
                && machine.find(run.currentState())
                .filter(s -> !(s instanceof State.Fail) && !(s instanceof State.Succeed)).isPresent();
    }

    /**
     * Works, in the calling thread, on every run due now until none is due (runs held by live owners are left
     * alone); works without {@link #start()}.
     *
     * @return the number of writes stored (a Choice, Pass, Succeed or Fail state is stored with the step before it)
     */
    public int drain() {
        int steps = 0;
        while (true) {
            int pass = 0;
            for (String runId : store.due(clock.instant(), settings.batch())) {
                pass += work(runId).steps();
            }
            steps += pass;
            if (pass == 0) {
                return steps;
            }
        }
    }

    private void poll() {
        if (closed) {
            return;
        }
        try {
            for (String runId : store.due(clock.instant(), settings.batch())) {
                nudge(runId);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Looking for due workflow runs failed", e);
        }
    }

    private void heartbeat() {
        if (inProgress.isEmpty()) {
            return;
        }
        try {
            store.renew(settings.owner(), List.copyOf(inProgress), clock.instant().plus(settings.lease()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Renewing the leases of workflow runs failed", e);
        }
    }

    private void workQueued(String runId) {
        Worked worked = Worked.NOTHING;
        try {
            worked = work(runId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Working on workflow run " + runId + " failed; it is taken up again when its "
                    + "lease runs out", e);
        } finally {
            queued.remove(runId);
        }
        if (worked.wakeAt() != null) {
            wakeAt(runId, worked.wakeAt());
        }
    }

    /** Nudges a waiting run at its due time when that comes before the next poll would find it. */
    private void wakeAt(String runId, Instant due) {
        ScheduledExecutorService timer = scheduler;
        long delay = Duration.between(clock.instant(), due).toMillis() + WAKE_SLACK_MILLIS;
        if (timer == null || closed || delay > settings.pollInterval().toMillis()) {
            return;
        }
        try {
            timer.schedule(() -> nudge(runId), Math.max(0, delay), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closing: whoever polls next finds the run
        }
    }

    /** Claims the run and executes its states while it is running and due, storing each step. */
    private Worked work(String runId) {
        Instant now = clock.instant();
        Optional<WorkflowRun> claimed = store.claim(runId, settings.owner(), now, now.plus(settings.lease()));
        if (claimed.isEmpty()) {
            return Worked.NOTHING;
        }
        WorkflowRun run = claimed.get();
        inProgress.add(runId);
        int steps = 0;
        try {
            if (!run.workflow().equals(workflowName)) {
                LOG.log(Level.WARNING, "Workflow run " + runId + " is of " + run.workflow() + ", not of "
                        + workflowName + "; left to an engine of its workflow");
                release(run);
                return Worked.NOTHING;
            }
            while (true) {
                if (closed || steps >= MAX_STEPS_PER_CLAIM) {
                    release(run);
                    return new Worked(steps, null);
                }
                Interpreter.Step step;
                try {
                    step = interpreter.step(run, keepAliveEvery, () -> keepAlive(runId));
                } catch (Interpreter.Abandoned e) {
                    release(run);
                    return new Worked(steps, null);
                }
                step = followInstantStates(step);
                Instant at = clock.instant();
                WorkflowRun next = step.next();
                boolean waits = next.status() == RunStatus.RUNNING && next.nextAttemptAt().isAfter(at);
                next = next.status().ended() || waits
                        ? next.leasedTo(null, null)
                        : next.leasedTo(settings.owner(), at.plus(settings.lease()));
                Optional<WorkflowRun> stored = store.advance(next, step.events());
                if (stored.isEmpty()) {
                    LOG.log(Level.DEBUG, "Workflow run " + runId + " was stopped or taken over meanwhile");
                    return new Worked(steps, null);
                }
                steps++;
                run = stored.get();
                if (run.status() == RunStatus.FAILED) {
                    LOG.log(Level.WARNING, "Workflow run " + runId + " failed in " + run.currentState() + ": "
                            + run.error() + " (" + run.cause() + ")");
                }
                if (run.status().ended()) {
                    return new Worked(steps, null);
                }
                if (waits) {
                    return new Worked(steps, run.nextAttemptAt());
                }
            }
        } finally {
            inProgress.remove(runId);
        }
    }

    /**
     * Takes the states that need no handler and no waiting (Choice, Pass, Succeed, Fail) right after {@code step}
     * into the same write: they are pure functions of the data, so storing them with the step before saves a
     * transaction each without changing what is stored or recorded.
     */
    private Interpreter.Step followInstantStates(Interpreter.Step step) {
        List<RunEvent> events = new java.util.ArrayList<>(step.events());
        WorkflowRun next = step.next();
        JsonNode stateTree = step.state();
        while (next.status() == RunStatus.RUNNING && !next.nextAttemptAt().isAfter(clock.instant())
                && machine.find(next.currentState()).filter(WorkflowEngine::instant).isPresent()) {
            Interpreter.Step following = interpreter.step(next, stateTree, keepAliveEvery, () -> { });
            events.addAll(following.events());
            next = following.next();
            stateTree = following.state();
        }
        return events.size() == step.events().size() ? step : new Interpreter.Step(next, events, stateTree);
    }

    private static boolean instant(State state) {
        return state instanceof State.Choice || state instanceof State.Pass || state instanceof State.Succeed
                || state instanceof State.Fail;
    }

    /**
     * Renews the lease of a run whose handler takes long, unless the heartbeat does it (after {@link #start()}):
     * so that {@link #drain()} keeps its runs too.
     */
    private void keepAlive(String runId) {
        if (started) {
            return;
        }
        try {
            store.renew(settings.owner(), List.of(runId), clock.instant().plus(settings.lease()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Renewing the lease of workflow run " + runId + " failed", e);
        }
    }

    /** Gives the lease up so that another process need not wait for it to run out. */
    private void release(WorkflowRun run) {
        try {
            store.advance(run.leasedTo(null, null), List.of());
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "Releasing workflow run " + run.runId() + " failed; its lease will run out", e);
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
