package com.milkrun.workflow.engine;

import java.util.Objects;

/**
 * An error raised by the interpreter itself while running a state (a path matching nothing, no Choice rule
 * matching), named as the Amazon States Language names it.
 */
final class StatesError extends RuntimeException {
    static final String ALL = "States.ALL";
    static final String RUNTIME = "States.Runtime";
    static final String TASK_FAILED = "States.TaskFailed";
    static final String TIMEOUT = "States.Timeout";
    static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";

    private final String error;

    StatesError(String error, String cause) {
        super(cause, null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    static StatesError runtime(String cause) {
        return new StatesError(RUNTIME, cause);
    }

    String error() {
        return error;
    }

    String cause() {
        return getMessage();
    }
}
