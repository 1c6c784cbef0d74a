package com.milkrun.server;

import com.milkrun.app.MilkRun;
import com.milkrun.app.api.OrderApiContract;
import com.milkrun.app.api.ApiTransport;
import com.milkrun.app.api.TestConfigs;
import com.milkrun.http.ApiRequest;
import com.milkrun.http.ApiResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The API contract over real HTTP to the Jetty server, on the default embedded H2 store. */
class LocalServerApiTest extends OrderApiContract {
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    @Override
    protected ApiTransport startTransport() throws Exception {
        return over(LocalServer.start(TestConfigs.h2()));
    }

    /** Talks HTTP to a started server, and stops it when closed. */
    static ApiTransport over(LocalServer server) {
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.port();
        return new ApiTransport() {
            @Override
            public ApiResponse send(ApiRequest request) {
                String query = request.query().entrySet().stream()
                        .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                        .collect(Collectors.joining("&"));
                HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + request.path() + (query.isEmpty() ? "" : "?" + query)))
                        .method(request.method(), request.body().length == 0
                                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
                request.headers().forEach((k, v) -> {
                    if (!RESTRICTED.contains(k)) {
                        builder.header(k, v);
                    }
                });
                try {
                    HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                    Map<String, String> headers = new LinkedHashMap<>();
                    response.headers().map().forEach((k, v) -> headers.put(k, String.join(",", v)));
                    return new ApiResponse(response.statusCode(), headers, response.body());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public MilkRun app() {
                return server.milkRun();
            }

            @Override
            public void close() {
                server.close();
            }
        };
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
