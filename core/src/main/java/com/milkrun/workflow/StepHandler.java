package com.milkrun.workflow;

import java.util.Map;

/**
 * One Task state's work. Handlers are idempotent by run and state: the engine may call a handler again for the same
 * state after a crash, a lost lease or a retry, and the second call must not apply any effect twice.
 */
@FunctionalInterface
public interface StepHandler {
    /**
     * @param input   the state's effective input (after InputPath and Parameters)
     * @param context which run, state and attempt this is
     * @return the task's result as JSON values (a {@code Map} in practice), placed by ResultPath
     * @throws StepFailure for an error the definition's Retry and Catch match by name; any other exception counts
     *                     as {@code States.TaskFailed}
     */
    Object handle(Map<String, Object> input, StepContext context);
}
