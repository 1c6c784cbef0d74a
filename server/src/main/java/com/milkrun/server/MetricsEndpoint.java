package com.milkrun.server;

import com.milkrun.http.Json;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /metrics}: the process's meters in Prometheus's text format, for a scraper. Served by the local server
 * beside the API rather than through the router, since it describes this one process (each server behind a load
 * balancer is scraped on its own). With a token configured, only a scraper presenting it as a bearer token gets in.
 */
final class MetricsEndpoint {
    static final String PATH = "/metrics";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Supplier<String> scrape;
    private final Optional<byte[]> tokenDigest;

    MetricsEndpoint(Supplier<String> scrape, Optional<String> token) {
        this.scrape = scrape;
        this.tokenDigest = token.map(MetricsEndpoint::sha256);
    }

    void handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            error(response, callback, 405, "MethodNotAllowed", "Method " + method + " is not allowed here");
            return;
        }
        if (tokenDigest.isPresent() && !authorized(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            error(response, callback, 401, "Unauthorized", "Metrics require the configured bearer token");
            return;
        }
        byte[] body = scrape.get().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, PROMETHEUS_TEXT);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(method.equals("HEAD") ? new byte[0] : body), callback);
    }

    /**
     * Compares digests of the presented and the configured token in constant time: neither the token's length nor
     * how many of its first characters matched shows in how long the answer takes.
     */
    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(sha256(header.substring(7).strip()), tokenDigest.orElseThrow());
    }

    private static void error(Response response, Callback callback, int status, String error, String message) {
        byte[] body = Json.write(Map.of("error", error, "message", message));
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
