package com.milkrun.http;

import java.util.Map;

/** Builders for the responses routes return. */
public final class Responses {
    static final String JSON = "application/json; charset=utf-8";

    private Responses() {
    }

    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    public static ApiResponse created(Object body) {
        return json(201, body);
    }

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, Map.of("Content-Type", JSON), Json.write(body));
    }

    public static ApiResponse rawJson(int status, String body) {
        return new ApiResponse(status, Map.of("Content-Type", JSON), body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), new byte[0]);
    }

    public static ApiResponse message(String message) {
        return ok(Map.of("message", message));
    }
}
