package com.milkrun.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The API published under a base path ({@code /api} behind CloudFront): paths and cookies as the router sees them. */
class BasePathTest {
    @Test
    void takes_the_base_path_off_the_request_path() {
        assertThat(ApiGatewayHandler.withoutBase("/api/orders/order-1", "/api")).isEqualTo("/orders/order-1");
        assertThat(ApiGatewayHandler.withoutBase("/api", "/api")).isEqualTo("/");
        assertThat(ApiGatewayHandler.withoutBase("/apix/orders", "/api")).as("not under the base").isEqualTo("/apix/orders");
        assertThat(ApiGatewayHandler.withoutBase("/orders", "")).isEqualTo("/orders");
    }

    @Test
    void scopes_the_refresh_cookie_to_its_path_under_the_base_path() {
        String cookie = "milkrun_refresh=abc; Path=/auth; HttpOnly; Secure; SameSite=Strict";

        assertThat(ApiGatewayHandler.underBase(cookie, "/api"))
                .isEqualTo("milkrun_refresh=abc; Path=/api/auth; HttpOnly; Secure; SameSite=Strict");
        assertThat(ApiGatewayHandler.underBase(cookie, "")).isEqualTo(cookie);
    }
}
