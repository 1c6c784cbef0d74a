package com.milkrun.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.milkrun.app.MilkRun;
import com.milkrun.app.api.ApiClient;
import com.milkrun.app.api.TestConfigs;
import com.milkrun.demo.DemoData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real API Gateway REST proxy events, as JSON files, through the Lambda handler: each answer equals the one the
 * router gives the same request directly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiGatewayEventFixturesTest {
    private static final ObjectMapper EVENTS = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private MilkRun app;
    private ApiGatewayHandler handler;
    private ApiClient direct;

    @BeforeAll
    void start() {
        app = MilkRun.start(TestConfigs.memory());
        handler = new ApiGatewayHandler(app.router());
        direct = new ApiClient(app.router()::handle);
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void serves_the_public_catalog_from_an_event() throws IOException {
        APIGatewayProxyResponseEvent answer = handler.handleRequest(event("get-products.json", Map.of()), null);
        assertThat(answer.getStatusCode()).isEqualTo(200);
        JsonNode body = EVENTS.readTree(answer.getBody());
        assertThat(body.get("items")).hasSize(3).allSatisfy(p -> assertThat(p.get("category").asText()).isEqualTo("milk"));
        assertThat(answer.getHeaders()).containsEntry("Content-Type", "application/json; charset=utf-8")
                .containsEntry("X-Request-Id", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        assertThat(answer.getBody()).isEqualTo(direct.get("/products?limit=3&category=milk").response().bodyText());
    }

    @Test
    void serves_an_authenticated_call_from_an_event() throws IOException {
        String token = direct.post("/auth/login", Map.of("email", DemoData.CUSTOMER_EMAIL, "password", DemoData.PASSWORD)).text("idToken");
        APIGatewayProxyResponseEvent answer = handler.handleRequest(event("get-me-authenticated.json", Map.of("ID_TOKEN", token)), null);
        assertThat(answer.getStatusCode()).isEqualTo(200);
        JsonNode me = EVENTS.readTree(answer.getBody());
        assertThat(me.get("email").asText()).isEqualTo(DemoData.CUSTOMER_EMAIL);
        assertThat(me.get("addresses").get(0).get("addressId").asText()).isEqualTo("addr-home");
        assertThat(answer.getBody()).isEqualTo(direct.get("/users/me", token).response().bodyText());
    }

    @Test
    void answers_404_for_an_unknown_product_event() throws IOException {
        APIGatewayProxyResponseEvent answer = handler.handleRequest(event("get-unknown-product.json", Map.of()), null);
        assertThat(answer.getStatusCode()).isEqualTo(404);
        assertThat(EVENTS.readTree(answer.getBody()).get("error").asText()).isEqualTo("NotFound");
    }

    @Test
    void answers_400_for_a_malformed_body_event() throws IOException {
        APIGatewayProxyResponseEvent answer = handler.handleRequest(event("post-login-malformed.json", Map.of()), null);
        assertThat(answer.getStatusCode()).isEqualTo(400);
        JsonNode body = EVENTS.readTree(answer.getBody());
        assertThat(body.get("error").asText()).isEqualTo("InvalidJson");
        assertThat(body.get("message").asText()).isEqualTo("Request body is not valid JSON");
    }

    private static APIGatewayProxyRequestEvent event(String name, Map<String, String> values) throws IOException {
        try (InputStream in = ApiGatewayEventFixturesTest.class.getResourceAsStream("/events/" + name)) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var e : values.entrySet()) {
                json = json.replace("${" + e.getKey() + "}", e.getValue());
            }
            return EVENTS.readValue(json, APIGatewayProxyRequestEvent.class);
        }
    }
}
