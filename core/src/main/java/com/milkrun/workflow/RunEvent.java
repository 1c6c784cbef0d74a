package com.milkrun.workflow;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a run's history. The store numbers a run's events 1, 2, 3... in the order they were written; events
 * handed to the store carry {@code seq} 0.
 *
 * @param type   what happened: {@code RunStarted}, {@code StateEntered}, {@code TaskSucceeded}, {@code TaskFailed},
 *               {@code RetryScheduled}, {@code ErrorCaught}, {@code WaitStarted}, {@code RunSucceeded},
 *               {@code RunFailed}, {@code RunAborted}, {@code RunRedriven}
 * @param state  the state it happened in, or null
 * @param detail JSON text with the particulars (input, output, error, cause, next attempt), or null
 */
public record RunEvent(long seq, String type, String state, String detail, Instant at) {
    public RunEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
    }

    public static RunEvent of(String type, String state, String detail, Instant at) {
        return new RunEvent(0, type, state, detail, at);
    }
}
