package com.milkrun.server;

import com.milkrun.http.Json;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before MilkRun's router sees them (a malformed request line, an ambiguous or
 * badly encoded path, a URI or headers too large, a bad Host header, a broken body framing) in the API's error
 * envelope {@code {"error","message"}}, so that a client meets one error format whatever refused its request.
 *
 * <p>Jetty's reason is kept in the message when it is plain text (it names what was wrong, e.g. "Ambiguous URI path
 * separator"); the server's name, its version and stack traces are never shown.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final int MAX_REASON = 120;

    /** Error names in the API's style for the statuses Jetty answers on its own. */
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(400, "BadRequest"),
            Map.entry(404, "NotFound"),
            Map.entry(405, "MethodNotAllowed"),
            Map.entry(408, "RequestTimeout"),
            Map.entry(411, "LengthRequired"),
            Map.entry(413, "PayloadTooLarge"),
            Map.entry(414, "UriTooLong"),
            Map.entry(415, "UnsupportedMediaType"),
            Map.entry(417, "ExpectationFailed"),
            Map.entry(421, "MisdirectedRequest"),
            Map.entry(431, "RequestHeadersTooLarge"),
            Map.entry(500, "InternalServerError"),
            Map.entry(501, "NotImplemented"),
            Map.entry(503, "ServiceUnavailable"),
            Map.entry(505, "HttpVersionNotSupported"));

    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(400, "The request is malformed"),
            Map.entry(404, "Route not found"),
            Map.entry(405, "This method is not allowed here"),
            Map.entry(408, "The request took too long to arrive"),
            Map.entry(411, "The request body needs a Content-Length"),
            Map.entry(413, "The request body is too large"),
            Map.entry(414, "The request URI is too long"),
            Map.entry(415, "The request body's media type is not supported"),
            Map.entry(417, "The expectation in the Expect header cannot be met"),
            Map.entry(421, "The request was sent to the wrong server"),
            Map.entry(431, "The request headers are too large"),
            Map.entry(500, "An unexpected error occurred"),
            Map.entry(501, "The request uses a feature this server does not implement"),
            Map.entry(503, "The server is not ready to answer"),
            Map.entry(505, "Only HTTP/1.0 and HTTP/1.1 are supported"));

    JsonErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = request.getAttribute(ERROR_MESSAGE) instanceof String message ? message : null;
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException refused) {
            status = refused.getCode();
            reason = refused.getReason();
        }
        if (status < 400) {
            // an error page for a status that is not an error: treat it as the unexpected failure it is
            status = 500;
        }
        response.setStatus(status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        if (HttpStatus.hasNoBody(status) || HttpMethod.HEAD.is(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        byte[] body = body(status, reason);
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** The body Jetty sends for a message so broken that no request could be made of it. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        fields.put("X-Content-Type-Options", "nosniff");
        if (HttpStatus.hasNoBody(status)) {
            return null;
        }
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return ByteBuffer.wrap(body(status, reason));
    }

    static byte[] body(int status, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", NAMES.getOrDefault(status, status >= 500 ? "InternalServerError" : "BadRequest"));
        String message = MESSAGES.getOrDefault(status, status >= 500 ? MESSAGES.get(500) : MESSAGES.get(400));
        String detail = status >= 500 ? null : plain(reason);
        body.put("message", detail == null || detail.equalsIgnoreCase(HttpStatus.getMessage(status)) ? message : message + ": " + detail);
        return Json.write(body);
    }

    /** Jetty's reason when it is short printable text; it may quote the request's bytes, so anything else is dropped. */
    private static String plain(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON || !reason.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return null;
        }
        return reason.strip();
    }
}
