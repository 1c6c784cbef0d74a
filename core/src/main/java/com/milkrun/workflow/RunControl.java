package com.milkrun.workflow;

/** What the engine running the workflow lets the back office do with a run. */
public interface RunControl {
    /** Whether {@link #redrive} would take the run: it failed, in a state it can start again from. */
    boolean retryable(WorkflowRun run);

    /**
     * Runs a failed run again from the state it failed in.
     *
     * @throws com.milkrun.shared.DomainException 404 for an unknown run, 409 {@code RunNotRetryable}
     */
    WorkflowRun redrive(String runId);
}
