package com.milkrun.workflow;

import java.util.Objects;

/**
 * A step failed with a named error, which the definition's Retry and Catch match by name (for example
 * {@code States.TaskFailed} or {@code OrderNotFound}).
 */
public class StepFailure extends RuntimeException {
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";

    private final String error;

    public StepFailure(String error, String cause) {
        super(cause);
        this.error = Objects.requireNonNull(error, "error");
    }

    public StepFailure(String error, String cause, Throwable throwable) {
        super(cause, throwable);
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The error name. */
    public String error() {
        return error;
    }

    /** A human-readable cause. */
    public String cause() {
        return getMessage();
    }
}
