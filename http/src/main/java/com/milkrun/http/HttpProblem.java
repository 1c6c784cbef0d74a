package com.milkrun.http;

import java.util.Map;

/** A failure of the HTTP exchange itself (unknown route, wrong method, body too large, wrong media type). */
public final class HttpProblem extends RuntimeException {
    private final int status;
    private final String error;
    private final Map<String, String> headers;

    public HttpProblem(int status, String error, String message) {
        this(status, error, message, Map.of());
    }

    public HttpProblem(int status, String error, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.error = error;
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
