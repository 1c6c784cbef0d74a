package com.milkrun.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.milkrun.app.MilkRun;
import com.milkrun.app.api.OrderApiContract;
import com.milkrun.app.api.ApiTransport;
import com.milkrun.app.api.TestConfigs;
import com.milkrun.http.ApiRequest;
import com.milkrun.http.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** The API contract through the Lambda handler, each request turned into an API Gateway REST proxy event. */
class LambdaApiTest extends OrderApiContract {
    @Override
    protected ApiTransport startTransport() {
        MilkRun app = MilkRun.start(TestConfigs.memory());
        ApiGatewayHandler handler = new ApiGatewayHandler(app.router());
        return new ApiTransport() {
            @Override
            public ApiResponse send(ApiRequest request) {
                APIGatewayProxyResponseEvent out = handler.handleRequest(toEvent(request), null);
                Map<String, String> headers = out.getHeaders() == null ? Map.of() : out.getHeaders();
                byte[] body = out.getBody() == null ? new byte[0]
                        : Boolean.TRUE.equals(out.getIsBase64Encoded()) ? Base64.getDecoder().decode(out.getBody())
                        : out.getBody().getBytes(StandardCharsets.UTF_8);
                return new ApiResponse(out.getStatusCode(), headers, body);
            }

            @Override
            public MilkRun app() {
                return app;
            }

            @Override
            public void close() {
                app.close();
            }
        };
    }

    /** Builds the event API Gateway would send for this request (REST API, proxy integration). */
    static APIGatewayProxyRequestEvent toEvent(ApiRequest request) {
        Map<String, String> single = new HashMap<>();
        Map<String, java.util.List<String>> multi = new HashMap<>();
        request.query().forEach((k, v) -> {
            single.put(k, v.get(v.size() - 1));
            multi.put(k, v);
        });
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext()
                .withRequestId(request.requestId())
                .withIdentity(new APIGatewayProxyRequestEvent.RequestIdentity().withSourceIp(request.sourceIp()));
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(request.method())
                .withPath(request.path())
                .withResource("/{proxy+}")
                .withHeaders(new HashMap<>(request.headers()))
                .withQueryStringParameters(single.isEmpty() ? null : single)
                .withMultiValueQueryStringParameters(multi.isEmpty() ? null : multi)
                .withBody(request.body().length == 0 ? null : Base64.getEncoder().encodeToString(request.body()))
                .withIsBase64Encoded(request.body().length > 0)
                .withRequestContext(context);
    }
}
