package com.milkrun.app.api;

import com.milkrun.app.MilkRun;
import com.milkrun.http.ApiRequest;
import com.milkrun.http.ApiResponse;

/** A way to reach a running MilkRun: straight to the router, over HTTP to the local server, or as Lambda events. */
public interface ApiTransport extends AutoCloseable {
    ApiResponse send(ApiRequest request);

    MilkRun app();

    @Override
    void close();
}
