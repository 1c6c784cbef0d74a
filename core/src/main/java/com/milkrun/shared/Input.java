package com.milkrun.shared;

import java.util.Objects;

/**
 * One field of a request as the client sent it: left out (or {@code null}), given with the expected type, or given
 * with another type. The edge reads bodies into commands made of these, so that a use case can answer a wrong type
 * with its own error code, as it answers a missing or malformed value, without ever seeing untyped JSON.
 */
public sealed interface Input<T> {
    /** The field was left out or sent as {@code null}. */
    record Absent<T>() implements Input<T> {
    }

    /** The field holds a value of the expected type. */
    record Given<T>(T value) implements Input<T> {
        public Given {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The field holds a value of another type (a number where text was expected, a list where a flag was...). */
    record WrongType<T>() implements Input<T> {
    }

    static <T> Input<T> absent() {
        return new Absent<>();
    }

    /** The value given, or {@link Absent} for null. */
    static <T> Input<T> of(T value) {
        return value == null ? new Absent<>() : new Given<>(value);
    }

    static <T> Input<T> wrongType() {
        return new WrongType<>();
    }
}
