package com.milkrun.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP response: status, headers and body bytes. */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {
    public ApiResponse {
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> next = new LinkedHashMap<>(headers);
        next.put(name, value);
        return new ApiResponse(status, next, body);
    }

    public ApiResponse withHeaders(Map<String, String> extra) {
        Map<String, String> next = new LinkedHashMap<>(headers);
        next.putAll(extra);
        return new ApiResponse(status, next, body);
    }
}
