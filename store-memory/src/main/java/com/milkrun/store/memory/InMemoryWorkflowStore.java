package com.milkrun.store.memory;

import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.RunQuery;
import com.milkrun.workflow.RunStatus;
import com.milkrun.workflow.WorkflowRun;
import com.milkrun.workflow.WorkflowStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs and their events in maps; every method holds the store's lock, so each compare-and-set and the events written
 * with it are one atomic unit.
 */
public final class InMemoryWorkflowStore implements WorkflowStore {
    private static final Keyset<WorkflowRun> RUNS =
            Keyset.newestFirst("workflow-runs", WorkflowRun::createdAt, WorkflowRun::runId);
    private static final Comparator<WorkflowRun> NEWEST =
            Comparator.comparing(WorkflowRun::createdAt).thenComparing(WorkflowRun::runId);
    private static final Comparator<WorkflowRun> OLDEST_DUE =
            Comparator.comparing(WorkflowRun::nextAttemptAt).thenComparing(WorkflowRun::runId);

    private final Map<String, WorkflowRun> byId = new HashMap<>();
    private final Map<String, List<RunEvent>> history = new HashMap<>();

    @Override
    public synchronized void create(WorkflowRun run, List<RunEvent> events) {
        if (byId.containsKey(run.runId())) {
            throw new ConcurrentModification("Workflow run " + run.runId());
        }
        byId.put(run.runId(), withVersion(run, 0));
        history.put(run.runId(), new ArrayList<>());
        append(run.runId(), events);
    }

    @Override
    public synchronized Optional<WorkflowRun> get(String runId) {
        return Optional.ofNullable(byId.get(runId));
    }

    @Override
    public synchronized Optional<WorkflowRun> findBySubject(String subjectId) {
        return byId.values().stream().filter(r -> r.subjectId().equals(subjectId)).max(NEWEST);
    }

    @Override
    public synchronized List<String> due(Instant now, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        return byId.values().stream()
                .filter(r -> claimable(r, now))
                .sorted(OLDEST_DUE)
                .limit(limit)
                .map(WorkflowRun::runId)
                .toList();
    }

    @Override
    public synchronized Optional<WorkflowRun> claim(String runId, String owner, Instant now, Instant leaseUntil) {
        WorkflowRun current = byId.get(runId);
        if (current == null || !claimable(current, now)) {
            return Optional.empty();
        }
        WorkflowRun claimed = withVersion(current.leasedTo(owner, leaseUntil), current.version() + 1);
        byId.put(runId, claimed);
        return Optional.of(claimed);
    }

    @Override
    public synchronized Optional<WorkflowRun> advance(WorkflowRun next, List<RunEvent> events) {
        WorkflowRun current = byId.get(next.runId());
        if (current == null || current.version() != next.version()) {
            return Optional.empty();
        }
        WorkflowRun stored = withVersion(next, next.version() + 1);
        byId.put(stored.runId(), stored);
        append(stored.runId(), events);
        return Optional.of(stored);
    }

    @Override
    public synchronized void renew(String owner, Collection<String> runIds, Instant leaseUntil) {
        for (String runId : runIds) {
            WorkflowRun current = byId.get(runId);
            if (current != null && current.status() == RunStatus.RUNNING && owner.equals(current.leaseOwner())) {
                byId.put(runId, current.leasedTo(owner, leaseUntil));
            }
        }
    }

    @Override
    public synchronized Page<WorkflowRun> list(RunQuery query, PageRequest page) {
        List<WorkflowRun> matches = byId.values().stream()
                .filter(r -> query.status().map(s -> s == r.status()).orElse(true))
                .filter(r -> query.subjectId().map(s -> s.equals(r.subjectId())).orElse(true))
                .toList();
        String filter = "status=" + query.status().map(RunStatus::wireName).orElse("")
                + "\nsubject=" + query.subjectId().orElse("");
        return RUNS.page(matches, filter, page);
    }

    @Override
    public synchronized List<RunEvent> events(String runId) {
        return List.copyOf(history.getOrDefault(runId, List.of()));
    }

    /** Running, due by {@code now}, and nobody holds a lease that still runs. */
    private static boolean claimable(WorkflowRun run, Instant now) {
        return run.status() == RunStatus.RUNNING && !run.nextAttemptAt().isAfter(now)
                && (run.leaseUntil() == null || !run.leaseUntil().isAfter(now));
    }

    /** Appends events numbered after the run's last one. */
    private void append(String runId, List<RunEvent> events) {
        List<RunEvent> stored = history.get(runId);
        for (RunEvent e : events) {
            stored.add(new RunEvent(stored.size() + 1L, e.type(), e.state(), e.detail(), e.at()));
        }
    }

    private static WorkflowRun withVersion(WorkflowRun r, long version) {
        return new WorkflowRun(r.runId(), r.workflow(), r.subjectId(), r.status(), r.currentState(), r.stateInput(),
                r.attempt(), r.retryCounts(), r.nextAttemptAt(), r.leaseOwner(), r.leaseUntil(), r.error(), r.cause(),
                r.createdAt(), r.updatedAt(), version);
    }
}
