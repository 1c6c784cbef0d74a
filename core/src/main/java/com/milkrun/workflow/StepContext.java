package com.milkrun.workflow;

import java.util.Objects;

/**
 * Where a step runs: the run, the state and the attempt (1 for the first). {@code runId} and {@code stateName} name
 * the step for idempotency.
 */
public record StepContext(String runId, String stateName, int attempt) {
    public StepContext {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(stateName, "stateName");
    }

    /** A stable key of this step, the same on every attempt: for ids of the effects a step writes. */
    public String stepKey() {
        return runId + ":" + stateName;
    }
}
