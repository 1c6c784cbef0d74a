package com.milkrun.shared;

import java.util.List;
import java.util.Map;

/** A request with one or more invalid fields; every problem found is listed, not just the first. */
public final class ValidationException extends DomainException {
    private final List<FieldError> errors;

    public ValidationException(String message, List<FieldError> errors) {
        super(Failure.INVALID, "ValidationError", message, Map.of());
        this.errors = List.copyOf(errors);
    }

    public ValidationException(List<FieldError> errors) {
        this("Invalid input data", errors);
    }

    public static ValidationException of(String field, String message, String code) {
        return new ValidationException(List.of(new FieldError(field, message, code)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
