package com.milkrun.http;

import com.milkrun.access.Principal;
import com.milkrun.shared.PageRequest;
import com.milkrun.shared.ValidationException;
import java.util.Map;
import java.util.Optional;

/** One request on its way through a route: the request, its path parameters and, on protected routes, the caller. */
public final class Call {
    private final ApiRequest request;
    private final Map<String, String> pathParams;
    private final Principal caller;
    private final RequestBody body;

    Call(ApiRequest request, Map<String, String> pathParams, Principal caller, RequestBody body) {
        this.request = request;
        this.pathParams = Map.copyOf(pathParams);
        this.caller = caller;
        this.body = body;
    }

    public ApiRequest request() {
        return request;
    }

    public String path(String name) {
        return pathParams.get(name);
    }

    /** The signed-in caller; only protected routes have one. */
    public Principal caller() {
        if (caller == null) {
            throw new IllegalStateException("route is public: no caller");
        }
        return caller;
    }

    public Optional<String> query(String name) {
        return request.queryParam(name);
    }

    /** The query parameter, or null when absent. */
    public String queryOrNull(String name) {
        return request.queryParam(name).orElse(null);
    }

    /** The body as one JSON object, checked for media type and syntax (once per request, see {@link RequestBody}). */
    public Body body() {
        return body.json();
    }

    /** The {@code limit} and {@code nextToken} query parameters of a list. */
    public PageRequest page() {
        int limit = PageRequest.DEFAULT_LIMIT;
        Optional<String> raw = request.queryParam("limit");
        if (raw.isPresent()) {
            try {
                limit = Integer.parseInt(raw.get().strip());
            } catch (NumberFormatException e) {
                throw ValidationException.of("limit", "limit must be a whole number between 1 and " + PageRequest.MAX_LIMIT, "INVALID_LIMIT");
            }
        }
        return new PageRequest(limit, request.queryParam("nextToken").orElse(null));
    }
}
