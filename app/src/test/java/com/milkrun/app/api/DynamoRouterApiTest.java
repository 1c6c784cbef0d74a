package com.milkrun.app.api;

import com.milkrun.app.MilkRun;
import com.milkrun.http.ApiRequest;
import com.milkrun.http.ApiResponse;

/**
 * The API contract against the router on the DynamoDB stores, through the AWS SDK to the local DynamoDB server:
 * every route, the order's whole life and its races, as a deployment on DynamoDB serves them.
 */
class DynamoRouterApiTest extends OrderApiContract {
    @Override
    protected ApiTransport startTransport() {
        MilkRun app = MilkRun.start(TestConfigs.dynamo());
        return new ApiTransport() {
            @Override
            public ApiResponse send(ApiRequest request) {
                return app.router().handle(request);
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
}
