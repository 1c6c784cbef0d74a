package com.milkrun.shared;

import java.util.Objects;

/** One problem with one field of a request: {@code items[0].quantity}, a message and a stable code. */
public record FieldError(String field, String message, String code) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
    }
}
