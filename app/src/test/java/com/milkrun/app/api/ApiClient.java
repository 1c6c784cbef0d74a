package com.milkrun.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.milkrun.http.ApiRequest;
import com.milkrun.http.ApiResponse;
import com.milkrun.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** A small test client over any transport: builds requests, sends them, reads JSON answers. */
public final class ApiClient {
    private final Function<ApiRequest, ApiResponse> transport;
    private final String sourceIp;

    public ApiClient(Function<ApiRequest, ApiResponse> transport) {
        this(transport, "127.0.0.1");
    }

    private ApiClient(Function<ApiRequest, ApiResponse> transport, String sourceIp) {
        this.transport = transport;
        this.sourceIp = sourceIp;
    }

    /** The same API, called from another network address (what rate limits count by). */
    public ApiClient from(String address) {
        return new ApiClient(transport, address);
    }

    public Answer get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    public Answer get(String pathAndQuery, String token) {
        return send("GET", pathAndQuery, null, token);
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body, null);
    }

    public Answer post(String path, Object body, String token) {
        return send("POST", path, body, token);
    }

    public Answer put(String path, Object body, String token) {
        return send("PUT", path, body, token);
    }

    public Answer delete(String path, String token) {
        return send("DELETE", path, null, token);
    }

    /** Sends {@code body} as JSON when it is a map or list, as raw text when it is a string. */
    public Answer send(String method, String pathAndQuery, Object body, String token) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/json");
        byte[] bytes = null;
        if (body != null) {
            headers.put("Content-Type", "application/json");
            bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : body instanceof byte[] b ? b : Json.write(body);
        }
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        ApiRequest request = request(method, pathAndQuery, headers, bytes);
        return send(new ApiRequest(request.method(), request.path(), request.query(), request.headers(), request.body(),
                sourceIp, request.requestId()));
    }

    public Answer send(ApiRequest request) {
        return new Answer(transport.apply(request));
    }

    public static ApiRequest request(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        String path = pathAndQuery;
        Map<String, List<String>> query = new HashMap<>();
        int q = pathAndQuery.indexOf('?');
        if (q >= 0) {
            path = pathAndQuery.substring(0, q);
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                String[] kv = pair.split("=", 2);
                String key = java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8);
                String value = kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
                query.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(value);
            }
        }
        return new ApiRequest(method, path, query, headers, body, "127.0.0.1", UUID.randomUUID().toString());
    }

    /** An answer with its JSON body parsed. */
    public record Answer(ApiResponse response) {
        public int status() {
            return response.status();
        }

        public JsonNode json() {
            String text = response.bodyText();
            return text.isEmpty() ? null : Json.parse(text);
        }

        public String text(String field) {
            JsonNode node = json().get(field);
            return node == null ? null : node.asText();
        }

        public String error() {
            return text("error");
        }

        public String header(String name) {
            return response.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status() + " " + response.bodyText();
        }
    }
}
