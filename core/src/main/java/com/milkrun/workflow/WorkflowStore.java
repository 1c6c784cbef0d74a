package com.milkrun.workflow;

import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Workflow runs and their history. Every change of a run is a compare-and-set on its {@code version}, written
 * together with its events, so that of two processes racing on one run exactly one change lands.
 */
public interface WorkflowStore {
    /**
     * Stores a new run (version 0) with its first events.
     *
     * @throws com.milkrun.shared.ConcurrentModification when a run with that id exists
     */
    void create(WorkflowRun run, List<RunEvent> events);

    Optional<WorkflowRun> get(String runId);

    /** The newest run about {@code subjectId}. */
    Optional<WorkflowRun> findBySubject(String subjectId);

    /**
     * Ids of running runs due by {@code now} ({@code nextAttemptAt <= now}) whose lease is free or ran out, oldest due
     * first.
     */
    List<String> due(Instant now, int limit);

    /**
     * Claims a running, due run whose lease is free or ran out: sets the lease and bumps the version.
     *
     * @return the run as claimed, or empty when it is not running, not due, or someone else holds it
     */
    Optional<WorkflowRun> claim(String runId, String owner, Instant now, Instant leaseUntil);

    /**
     * Stores {@code next} (its version must equal the stored one) and appends {@code events}, atomically.
     *
     * @return the run as stored (version increased by one), or empty when the stored version differs
     */
    Optional<WorkflowRun> advance(WorkflowRun next, List<RunEvent> events);

    /** Extends the leases {@code owner} still holds on these runs; never changes versions. */
    void renew(String owner, Collection<String> runIds, Instant leaseUntil);

    /** Runs matching the query, newest first. */
    Page<WorkflowRun> list(RunQuery query, PageRequest page);

    /** A run's history, oldest first. */
    List<RunEvent> events(String runId);
}
