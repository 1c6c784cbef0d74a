package com.milkrun.mail.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the SES v2 API on a free local port, built on the JDK's HTTP server: it records every request and
 * answers each with the one answer it was given, a {@code SendEmail} success by default. It lets tests see what the
 * sender puts on the wire (which the local SES server does not keep, such as the configuration set and charsets)
 * and give the answers only real SES gives, such as {@code MessageRejected}, in SES's REST-JSON error shape: the
 * error type in the {@code x-amzn-ErrorType} header and {@code {"message": ...}} as the body.
 */
public final class ScriptedSes implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private volatile Answer answer = new Answer(200, Map.of(), "{\"MessageId\":\"scripted-0001\"}");

    private ScriptedSes(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free port of the loopback interface. */
    public static ScriptedSes start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ScriptedSes ses = new ScriptedSes(server);
            server.createContext("/", ses::handle);
            server.start();
            return ses;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the scripted SES server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on, answers every request with the SES error {@code errorType}, as real SES sends errors. */
    public void answerError(int status, String errorType, String message) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("message", message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        answer = new Answer(status, Map.of("x-amzn-ErrorType", errorType), body);
    }

    /** The requests received so far, oldest first. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new RecordedRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), JSON.readTree(body)));
            Answer current = answer;
            byte[] bytes = current.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("x-amzn-RequestId", "scripted-request-" + requests.size());
            current.headers().forEach(exchange.getResponseHeaders()::set);
            exchange.sendResponseHeaders(current.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** One request as it arrived: its JSON body parsed. */
    public record RecordedRequest(String method, String path, String contentType, JsonNode body) {
    }

    private record Answer(int status, Map<String, String> headers, String body) {
    }
}
