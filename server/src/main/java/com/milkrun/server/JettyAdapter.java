package com.milkrun.server;

import com.milkrun.http.ApiRequest;
import com.milkrun.http.ApiResponse;
import com.milkrun.http.ApiRouter;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/** Turns Jetty requests into {@link ApiRequest}s for the router, and serves the web UI beside the API. */
final class JettyAdapter extends Handler.Abstract {
    private final ApiRouter router;
    private final StaticFiles ui;
    /** Bodies over the limit up to this size are read to their end before the 413 (see {@link #readBody}). */
    static final long SWALLOW_BYTES = 4L * 1024 * 1024;

    private final int maxBodyBytes;
    private final Optional<MetricsEndpoint> metrics;

    JettyAdapter(ApiRouter router, StaticFiles ui, int maxBodyBytes, Optional<MetricsEndpoint> metrics) {
        this.router = router;
        this.ui = ui;
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws IOException {
        String path = request.getHttpURI().getDecodedPath();
        String method = request.getMethod();
        if (metrics.isPresent() && path.equals(MetricsEndpoint.PATH)) {
            metrics.get().handle(request, response, callback);
            return true;
        }
        if (method.equals("GET") || method.equals("HEAD")) {
            Optional<StaticFiles.Asset> asset = ui.file(path);
            if (asset.isEmpty() && wantsPage(request, path)) {
                asset = ui.indexPage();
            }
            if (asset.isPresent()) {
                send(response, callback, asset.get(), method.equals("HEAD"));
                return true;
            }
        }
        ApiResponse answer = router.handle(toApiRequest(request, path));
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.write(true, ByteBuffer.wrap(method.equals("HEAD") ? new byte[0] : answer.body()), callback);
        return true;
    }

    private ApiRequest toApiRequest(Request request, String path) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.merge(field.getName(), field.getValue(), (a, b) -> a + "," + b);
        }
        Map<String, List<String>> query = new HashMap<>();
        Fields fields = Request.extractQueryParameters(request);
        for (Fields.Field field : fields) {
            query.put(field.getName(), new ArrayList<>(field.getValues()));
        }
        String requestId = headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("X-Request-Id") && e.getValue().matches("[A-Za-z0-9._-]{1,64}"))
                .map(Map.Entry::getValue).findFirst().orElseGet(() -> UUID.randomUUID().toString());
        return new ApiRequest(request.getMethod(), path, query, headers, readBody(request), clientAddress(request), requestId);
    }

    /**
     * Reads at most one byte more than the limit, so that the router can refuse an oversized body without the
     * server holding all of it in memory. A body declared too large is still read and thrown away when it is not
     * huge ({@value #SWALLOW_BYTES} bytes at most): a client that is still sending when the answer comes would
     * otherwise see its connection reset instead of the 413.
     */
    private byte[] readBody(Request request) throws IOException {
        long declared = request.getLength();
        if (declared > maxBodyBytes) {
            if (declared <= SWALLOW_BYTES) {
                try (InputStream in = Content.Source.asInputStream(request)) {
                    swallow(in);
                }
            }
            return new byte[maxBodyBytes + 1];
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                swallow(in);
            }
            return body;
        }
    }

    /** Reads and drops what is left of a body, at most {@link #SWALLOW_BYTES}. */
    private static void swallow(InputStream in) throws IOException {
        byte[] buffer = new byte[16_384];
        long left = SWALLOW_BYTES;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= read;
        }
    }

    private static boolean wantsPage(Request request, String path) {
        String accept = request.getHeaders().get(HttpHeader.ACCEPT);
        return accept != null && accept.contains("text/html") && !path.startsWith("/.well-known/") && !path.equals("/health");
    }

    private static void send(Response response, Callback callback, StaticFiles.Asset asset, boolean headOnly) {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, asset.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, asset.immutable() ? "public, max-age=31536000, immutable" : "no-cache");
        PageHeaders.ALL.forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, asset.bytes().length);
        response.write(true, ByteBuffer.wrap(headOnly ? new byte[0] : asset.bytes()), callback);
    }

    private static String clientAddress(Request request) {
        SocketAddress address = request.getConnectionMetaData().getRemoteSocketAddress();
        return address instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }
}
