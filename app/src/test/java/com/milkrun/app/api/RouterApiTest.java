package com.milkrun.app.api;

import com.milkrun.app.MilkRun;
import com.milkrun.http.ApiRequest;
import com.milkrun.http.ApiResponse;

/** The API contract against the router itself, on the in-memory stores. */
class RouterApiTest extends OrderApiContract {
    @Override
    protected ApiTransport startTransport() {
        MilkRun app = MilkRun.start(TestConfigs.memory());
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
