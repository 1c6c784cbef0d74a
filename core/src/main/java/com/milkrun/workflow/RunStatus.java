package com.milkrun.workflow;

import java.util.Arrays;
import java.util.Optional;

/** Where a workflow run is: running (possibly waiting for a retry or a Wait state), or ended one of three ways. */
public enum RunStatus {
    RUNNING("Running"),
    SUCCEEDED("Succeeded"),
    FAILED("Failed"),
    /** Stopped from outside, for example because the order was cancelled. */
    ABORTED("Aborted");

    private final String wireName;

    RunStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean ended() {
        return this != RUNNING;
    }

    public static Optional<RunStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
