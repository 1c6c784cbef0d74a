package com.milkrun.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An expected business outcome that stops a use case: a stable {@code error} name (such as {@code UserExists}),
 * a human message, a {@link Failure} kind and optionally its details, either as a typed {@link Problem} record that
 * the edge renders, or as plain values that travel to the client as extra fields. It carries no stack trace: it is
 * an answer, not a bug.
 */
public class DomainException extends RuntimeException {
    private final Failure failure;
    private final String error;
    private final Map<String, Object> details;
    private final Problem problem;

    public DomainException(Failure failure, String error, String message) {
        this(failure, error, message, Map.of());
    }

    public DomainException(Failure failure, String error, String message, Map<String, Object> details) {
        this(failure, error, message, details, null);
    }

    /** An outcome whose details are a typed {@link Problem}. */
    public DomainException(Failure failure, String error, String message, Problem problem) {
        this(failure, error, message, Map.of(), Objects.requireNonNull(problem, "problem"));
    }

    private DomainException(Failure failure, String error, String message, Map<String, Object> details, Problem problem) {
        super(message, null, false, false);
        this.failure = failure;
        this.error = error;
        this.details = Map.copyOf(new LinkedHashMap<>(details));
        this.problem = problem;
    }

    public Failure failure() {
        return failure;
    }

    public String error() {
        return error;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** The outcome's details as a typed record, when the use case gave one. */
    public Optional<Problem> problem() {
        return Optional.ofNullable(problem);
    }

    public static DomainException notFound(String message) {
        return new DomainException(Failure.NOT_FOUND, "NotFound", message);
    }

    public static DomainException forbidden() {
        return new DomainException(Failure.FORBIDDEN, "Forbidden", "You do not have permission to access this resource");
    }

    public static DomainException unauthorized(String message) {
        return new DomainException(Failure.UNAUTHENTICATED, "Unauthorized", message);
    }

    public static DomainException conflict(String error, String message) {
        return new DomainException(Failure.CONFLICT, error, message);
    }

    public static DomainException invalid(String error, String message) {
        return new DomainException(Failure.INVALID, error, message);
    }
}
