package com.milkrun.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.milkrun.app.Config;
import com.milkrun.app.MilkRun;
import com.milkrun.http.ApiRequest;
import com.milkrun.http.ApiResponse;
import com.milkrun.http.ApiRouter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Serves the MilkRun API from API Gateway REST proxy events. The composition happens once per container (in the
 * constructor), so warm invocations only route. Answers are byte-for-byte those of the local server.
 */
public final class ApiGatewayHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final ApiRouter router;
    private final String basePath;
    /** Kept reachable for the runtime's checkpoint (SnapStart), which holds its hooks weakly. */
    private SnapStartPriming priming;

    /** The constructor Lambda calls: configuration from the function's environment. */
    public ApiGatewayHandler() {
        this(LambdaConfig.fromEnvironment());
    }

    private ApiGatewayHandler(Config config) {
        this(MilkRun.start(config), config.apiBasePath());
    }

    private ApiGatewayHandler(MilkRun milkRun, String basePath) {
        this(milkRun.router(), basePath);
        priming = SnapStartPriming.register(router, milkRun::makeClients);
    }

    public ApiGatewayHandler(ApiRouter router) {
        this(router, "");
    }

    /**
     * @param basePath the prefix the API is published under ({@code /api} behind CloudFront), taken off every path
     *                 before routing; empty for none
     */
    public ApiGatewayHandler(ApiRouter router, String basePath) {
        this.router = router;
        this.basePath = basePath;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        ApiResponse answer = router.handle(toApiRequest(event, context, basePath));
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.computeIfPresent("Set-Cookie", (name, cookie) -> underBase(cookie, basePath));
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(answer.status())
                .withHeaders(headers)
                .withBody(answer.bodyText())
                .withIsBase64Encoded(false);
    }

    static ApiRequest toApiRequest(APIGatewayProxyRequestEvent event, Context context) {
        return toApiRequest(event, context, "");
    }

    static ApiRequest toApiRequest(APIGatewayProxyRequestEvent event, Context context, String basePath) {
        Map<String, List<String>> query = new HashMap<>();
        if (event.getMultiValueQueryStringParameters() != null) {
            event.getMultiValueQueryStringParameters().forEach((k, v) -> query.put(k, new ArrayList<>(v)));
        } else if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((k, v) -> query.put(k, List.of(v)));
        }
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            headers.putAll(event.getHeaders());
        }
        byte[] body = new byte[0];
        if (event.getBody() != null) {
            body = Boolean.TRUE.equals(event.getIsBase64Encoded())
                    ? Base64.getDecoder().decode(event.getBody())
                    : event.getBody().getBytes(StandardCharsets.UTF_8);
        }
        var ctx = event.getRequestContext();
        String requestId = ctx != null && ctx.getRequestId() != null ? ctx.getRequestId()
                : context != null ? context.getAwsRequestId() : UUID.randomUUID().toString();
        String sourceIp = ctx != null && ctx.getIdentity() != null && ctx.getIdentity().getSourceIp() != null
                ? ctx.getIdentity().getSourceIp() : "";
        String method = event.getHttpMethod() == null ? "GET" : event.getHttpMethod();
        String path = withoutBase(event.getPath() == null ? "/" : event.getPath(), basePath);
        return new ApiRequest(method, path, query, headers, body, sourceIp, requestId);
    }

    /** A cookie the API scopes to one of its paths ({@code Path=/auth}) is scoped to that path under the base path. */
    static String underBase(String cookie, String basePath) {
        return basePath.isEmpty() ? cookie : cookie.replace("; Path=/", "; Path=" + basePath + "/");
    }

    /** {@code /api/orders} → {@code /orders} under base path {@code /api}; other paths stay as they are (and 404). */
    static String withoutBase(String path, String basePath) {
        if (basePath.isEmpty()) {
            return path;
        }
        if (path.equals(basePath)) {
            return "/";
        }
        return path.startsWith(basePath + "/") ? path.substring(basePath.length()) : path;
    }
}
