package com.milkrun.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.app.Config;
import com.milkrun.app.MilkRun;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A shop on another origin (the AWS deployment's CloudFront) may call the API, preflight included. */
class CorsTest {
    private static final String SHOP = "https://shop.milkrun.example";
    private MilkRun app;
    private ApiClient api;

    @BeforeEach
    void start() {
        app = MilkRun.start(Config.from(TestConfigs.base(Map.of("MILKRUN_STORE", "memory", "MILKRUN_CORS_ORIGINS", SHOP))));
        api = new ApiClient(app.router()::handle);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void answers_the_preflight_of_an_order_with_the_headers_the_shop_sends() {
        var preflight = api.send(ApiClient.request("OPTIONS", "/orders", Map.of("Origin", SHOP,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type,idempotency-key"), null));
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST", "GET");
        assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization", "Content-Type", "Idempotency-Key");
    }

    @Test
    void allows_the_configured_origin_only() {
        var allowed = api.send(ApiClient.request("GET", "/products", Map.of("Origin", SHOP), null));
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);
        var other = api.send(ApiClient.request("GET", "/products", Map.of("Origin", "https://evil.example"), null));
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }
}
