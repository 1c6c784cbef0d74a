package com.milkrun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.milkrun.app.api.TestConfigs;
import com.milkrun.http.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests the HTTP server refuses before the router sees them answer like every other error: the JSON envelope
 * with the right 4xx, never Jetty's HTML page, never an empty body, never a 500. Each case sends its exact bytes over
 * a plain socket, since an HTTP client would refuse to send most of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedRequestsTest {
    private static final String LONG = "a".repeat(20_000);

    private LocalServer server;

    @BeforeAll
    void start() throws Exception {
        server = LocalServer.start(TestConfigs.memory());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("an encoded NUL in the path", 400, get("/products%00")),
                Arguments.of("an encoded NUL in a path parameter", 400, get("/products/prod-milk%00.json")),
                Arguments.of("an encoded slash in the path", 400, get("/products/prod-a%2Fb")),
                Arguments.of("an encoded backslash in the path", 400, get("/products/prod-a%5Cb")),
                Arguments.of("a dot-dot segment that climbs above the root", 400, get("/../etc/passwd")),
                Arguments.of("an encoded dot-dot segment", 400, get("/products/%2e%2e/%2e%2e/etc/passwd")),
                Arguments.of("a broken percent escape", 400, get("/products/%zz")),
                Arguments.of("an overlong UTF-8 sequence", 400, get("/products/%C0%AF")),
                Arguments.of("a URI too long", 414, get("/products?q=" + LONG)),
                Arguments.of("a header too large", 431, "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Filler: " + LONG
                        + "\r\n\r\n"),
                Arguments.of("no Host header in HTTP/1.1", 400, "GET /health HTTP/1.1\r\nAccept: application/json\r\n\r\n"),
                Arguments.of("two Host headers", 400, "GET /health HTTP/1.1\r\nHost: localhost\r\nHost: example.com\r\n\r\n"),
                Arguments.of("a Host header with a bad port", 400, "GET /health HTTP/1.1\r\nHost: localhost:port\r\n\r\n"),
                Arguments.of("a Host header with a space", 400, "GET /health HTTP/1.1\r\nHost: local host\r\n\r\n"),
                Arguments.of("a malformed request line", 400, "GARBAGE\r\n\r\n"),
                Arguments.of("a request line without a version (HTTP/0.9)", 505, "GET /health\r\nHost: localhost\r\n\r\n"),
                Arguments.of("an unknown HTTP version", 505, "GET /health HTTP/7.1\r\nHost: localhost\r\n\r\n"),
                Arguments.of("a control character in a header value", 400, "GET /health HTTP/1.1\r\nHost: localhost\r\nX-A: a\u0001b\r\n\r\n"),
                Arguments.of("a header line without a colon", 400, "GET /health HTTP/1.1\r\nHost: localhost\r\nNoColon\r\n\r\n"),
                Arguments.of("a header name with a space", 400, "GET /health HTTP/1.1\r\nHost: localhost\r\nBad Name: x\r\n\r\n"),
                Arguments.of("a Content-Length that is not a number", 400,
                        "POST /auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n"),
                Arguments.of("two different Content-Lengths", 400,
                        "POST /auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}"),
                Arguments.of("a chunked body with a bad chunk size", 400,
                        "POST /auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"),
                Arguments.of("a transfer coding that does not end in chunked", 400,
                        "POST /auth/login HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0} answers {1} in the JSON envelope")
    @MethodSource("refused")
    void a_request_the_server_refuses_answers_the_json_envelope(String what, int status, String request) throws IOException {
        RawResponse response = send(request);

        assertThat(response.status()).as(what + "\n" + response).isEqualTo(status);
        assertThat(response.header("content-type")).as(what + "\n" + response).startsWith("application/json");
        assertThat(response.body()).as(what).doesNotContainIgnoringCase("<html").doesNotContain("jetty", "Jetty");
        JsonNode json = Json.parse(response.body());
        assertThat(json.path("error").asText()).as(what + "\n" + response).isNotBlank();
        assertThat(json.path("message").asText()).as(what + "\n" + response).isNotBlank();
    }

    @Test
    void an_encoded_slash_answers_bad_request_with_the_envelope_names() throws IOException {
        RawResponse response = send(get("/products/prod-a%2Fb"));

        JsonNode json = Json.parse(response.body());
        assertThat(json.path("error").asText()).isEqualTo("BadRequest");
        assertThat(response.header("cache-control")).isEqualTo("no-store");
        assertThat(response.header("x-content-type-options")).isEqualTo("nosniff");
    }

    @Test
    void a_well_formed_request_for_an_unknown_route_still_gets_the_routers_not_found() throws IOException {
        RawResponse response = send("GET /no-such-route HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n"
                + "Connection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(404);
        assertThat(Json.parse(response.body()).path("error").asText()).isEqualTo("NotFound");
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html,application/json\r\nConnection: close\r\n\r\n";
    }

    private RawResponse send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                socket.shutdownOutput();
            } catch (SocketException closedEarly) {
                // the server may answer and close before it has read everything: its answer is still there to read
            }
            return RawResponse.read(socket.getInputStream());
        }
    }

    /** An HTTP/1.1 response read off the wire: status line, headers, and the body up to its length or the close. */
    private record RawResponse(int status, Map<String, String> headers, String body, String raw) {
        static RawResponse read(InputStream in) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    bytes.write(buffer, 0, n);
                    if (complete(bytes.toString(StandardCharsets.UTF_8))) {
                        break;
                    }
                }
            } catch (SocketException | SocketTimeoutException closed) {
                // a reset after the answer: parse what arrived
            }
            String raw = bytes.toString(StandardCharsets.UTF_8);
            int end = raw.indexOf("\r\n\r\n");
            assertThat(end).as("a complete HTTP response, got: " + raw).isPositive();
            String[] lines = raw.substring(0, end).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
            return new RawResponse(status, headers, raw.substring(end + 4), raw);
        }

        private static boolean complete(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            if (end < 0) {
                return false;
            }
            Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(raw.substring(0, end));
            return length.find() && raw.length() - end - 4 >= Integer.parseInt(length.group(1));
        }

        String header(String name) {
            return headers.getOrDefault(name, "");
        }

        @Override
        public String toString() {
            return raw.length() > 600 ? raw.substring(0, 600) + "..." : raw;
        }
    }
}
