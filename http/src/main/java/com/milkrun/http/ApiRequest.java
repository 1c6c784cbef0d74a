package com.milkrun.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An HTTP request as the router sees it. Header names are lower-case; query parameters keep every value.
 *
 * @param sourceIp  the client address, for logs and rate limits
 * @param requestId an id for this request, echoed in logs and in the {@code X-Request-Id} header
 */
public record ApiRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
                         byte[] body, String sourceIp, String requestId) {
    public ApiRequest {
        method = method.toUpperCase(Locale.ROOT);
        query = Map.copyOf(query);
        headers = headers.entrySet().stream().collect(Collectors.toUnmodifiableMap(
                e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a + "," + b));
        body = body == null ? new byte[0] : body;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The first value of a query parameter, if present. */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }
}
