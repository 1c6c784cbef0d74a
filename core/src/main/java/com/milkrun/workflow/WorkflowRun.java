package com.milkrun.workflow;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of a workflow definition, as stored: the state it is in and that state's input, when it may next be worked
 * on, and which process holds it.
 *
 * <p>A running run sits in {@code currentState} with {@code stateInput} (JSON) until {@code nextAttemptAt} (now, a
 * retry's backoff or a Wait state's end). A process works on it only after claiming it: the claim bumps
 * {@code version} and sets the lease, so every later write by anyone else (a stop, another claim after the lease ran
 * out) makes the holder's next compare-and-set fail. An ended run keeps the state it ended in and that state's input,
 * which is where a retry (redrive) of a failed run starts again.
 *
 * @param subjectId    what the run is about (the order id), for finding its run
 * @param attempt      attempts made so far of the current state (0 before the first)
 * @param retryCounts  JSON object of retries used per Retry rule index of the current state, e.g. {@code {"0":2}}
 * @param leaseOwner   the process working on it, or null
 * @param leaseUntil   until when the lease holds, or null
 * @param error        the error a failed or aborted run ended with, or null
 * @param cause        its cause, or null
 */
public record WorkflowRun(String runId, String workflow, String subjectId, RunStatus status, String currentState,
                          String stateInput, int attempt, String retryCounts, Instant nextAttemptAt, String leaseOwner,
                          Instant leaseUntil, String error, String cause, Instant createdAt, Instant updatedAt,
                          long version) {
    public WorkflowRun {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currentState, "currentState");
        Objects.requireNonNull(stateInput, "stateInput");
        Objects.requireNonNull(retryCounts, "retryCounts");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new run about to enter its first state. */
    public static WorkflowRun start(String runId, String workflow, String subjectId, String startState, String input,
                                    Instant now) {
        return new WorkflowRun(runId, workflow, subjectId, RunStatus.RUNNING, startState, input, 0, "{}", now, null,
                null, null, null, now, now, 0);
    }

    /** This run in {@code state} with {@code input}, due at {@code due}, first attempt, lease kept. */
    public WorkflowRun enter(String state, String input, Instant due, Instant now) {
        return new WorkflowRun(runId, workflow, subjectId, RunStatus.RUNNING, state, input, 0, "{}", due, leaseOwner,
                leaseUntil, null, null, createdAt, now, version);
    }

    /** This run still in its state, to try again at {@code due} after {@code attempt} attempts. */
    public WorkflowRun retryAt(Instant due, int attempts, String counts, Instant now) {
        return new WorkflowRun(runId, workflow, subjectId, status, currentState, stateInput, attempts, counts, due,
                leaseOwner, leaseUntil, null, null, createdAt, now, version);
    }

    /** This run ended in its current state, lease released. */
    public WorkflowRun end(RunStatus ended, String endError, String endCause, Instant now) {
        return new WorkflowRun(runId, workflow, subjectId, ended, currentState, stateInput, attempt, retryCounts,
                nextAttemptAt, null, null, endError, endCause, createdAt, now, version);
    }

    /** This run with its output recorded as the current state's data (on success, the final output). */
    public WorkflowRun withStateInput(String json) {
        return new WorkflowRun(runId, workflow, subjectId, status, currentState, json, attempt, retryCounts,
                nextAttemptAt, leaseOwner, leaseUntil, error, cause, createdAt, updatedAt, version);
    }

    /** A failed run running again from the state it failed in, fresh retry counts, due now, no lease. */
    public WorkflowRun redrive(Instant now) {
        return new WorkflowRun(runId, workflow, subjectId, RunStatus.RUNNING, currentState, stateInput, 0, "{}", now,
                null, null, null, null, createdAt, now, version);
    }

    /** This run held by {@code owner} until {@code until}. */
    public WorkflowRun leasedTo(String owner, Instant until) {
        return new WorkflowRun(runId, workflow, subjectId, status, currentState, stateInput, attempt, retryCounts,
                nextAttemptAt, owner, until, error, cause, createdAt, updatedAt, version);
    }
}
