package com.milkrun.http;

import com.milkrun.shared.DomainException;
import com.milkrun.shared.FieldError;
import com.milkrun.shared.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one table from failures to HTTP statuses, and the flat error envelope {@code {error, message, ...}}. */
public final class ErrorMapping {
    private ErrorMapping() {
    }

    public static int status(DomainException e) {
        return switch (e.failure()) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNPROCESSABLE -> 422;
            case TOO_MANY_REQUESTS -> 429;
        };
    }

    public static ApiResponse toResponse(DomainException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.error());
        body.put("message", e.getMessage());
        body.putAll(e.details());
        e.problem().ifPresent(problem -> body.putAll(ProblemViews.fields(problem)));
        if (e instanceof ValidationException v) {
            List<Map<String, String>> errors = v.errors().stream().map(ErrorMapping::fieldError).toList();
            body.put("errors", errors);
        }
        int status = status(e);
        ApiResponse response = Responses.json(status, body);
        if (status == 401) {
            response = response.withHeader("WWW-Authenticate", "Bearer");
        }
        if (e.details().get("retryAfterSeconds") instanceof Number seconds) {
            response = response.withHeader("Retry-After", Long.toString(seconds.longValue()));
        }
        return response;
    }

    public static ApiResponse toResponse(HttpProblem p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", p.error());
        body.put("message", p.getMessage());
        return Responses.json(p.status(), body).withHeaders(p.headers());
    }

    public static ApiResponse internalError(String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "InternalServerError");
        body.put("message", "An unexpected error occurred");
        body.put("requestId", requestId);
        return Responses.json(500, body);
    }

    private static Map<String, String> fieldError(FieldError f) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("field", f.field());
        m.put("message", f.message());
        m.put("code", f.code());
        return m;
    }
}
