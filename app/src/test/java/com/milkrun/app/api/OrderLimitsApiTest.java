package com.milkrun.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.app.Config;
import com.milkrun.app.MilkRun;
import com.milkrun.demo.DemoData;
import com.milkrun.http.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits on what one customer may hold per delivery date, through the API with their default values: three open
 * cash-on-delivery orders and twenty units of one product. A fresh MilkRun per test, so that each starts from the
 * demo data alone.
 */
class OrderLimitsApiTest {
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    private MilkRun app;
    private ApiClient api;
    private String asha;

    @BeforeEach
    void openTheShopWithTheDefaultLimits() {
        Map<String, String> env = TestConfigs.base(Map.of("MILKRUN_STORE", "memory"));
        env.remove("MILKRUN_MAX_OPEN_COD_ORDERS");
        env.remove("MILKRUN_MAX_UNITS_PER_PRODUCT");
        app = MilkRun.start(Config.from(env));
        api = new ApiClient(app.router()::handle);
        var login = api.post("/auth/login", Map.of("email", DemoData.CUSTOMER_EMAIL, "password", DemoData.PASSWORD));
        asha = login.text("idToken");
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void a_fourth_open_cash_order_for_one_date_is_refused_until_one_is_cancelled() {
        String date = firstDeliveryDate().toString();
        List<String> placed = new java.util.ArrayList<>();
        for (int n = 0; n < 3; n++) {
            var answer = order(body(item("prod-milk-500ml", 1), item("prod-yogurt-200g", 2), date));
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            placed.add(answer.text("orderId"));
        }
        int available = available("prod-milk-500ml");

        var fourth = order(body(item("prod-milk-500ml", 1), item("prod-yogurt-200g", 2), date));

        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.error()).isEqualTo("OrderLimitReached");
        assertThat(fourth.text("message")).isEqualTo("You already have 3 open cash-on-delivery orders for " + date
                + "; cancel one or choose another date");
        assertThat(fourth.json().get("limit").asInt()).isEqualTo(3);
        assertThat(available("prod-milk-500ml")).as("nothing reserved").isEqualTo(available);
        assertThat(order(body(item("prod-milk-500ml", 1), item("prod-yogurt-200g", 2), firstDeliveryDate().plusDays(1).toString()))
                .status()).as("another date").isEqualTo(201);

        assertThat(api.post("/orders/" + placed.get(0) + "/cancel", Map.of(), asha).status()).isEqualTo(200);
        assertThat(order(body(item("prod-milk-500ml", 1), item("prod-yogurt-200g", 2), date)).status()).isEqualTo(201);
    }

    @Test
    void more_than_twenty_units_of_one_product_for_one_date_are_refused_with_what_is_already_ordered() {
        String date = firstDeliveryDate().toString();
        assertThat(order(body(item("prod-milk-500ml", 15), item("prod-yogurt-200g", 1), date)).status()).isEqualTo(201);

        var more = order(body(item("prod-yogurt-200g", 2), item("prod-milk-500ml", 6), date));

        assertThat(more.status()).isEqualTo(409);
        assertThat(more.error()).isEqualTo("ProductLimitReached");
        assertThat(more.text("message")).isEqualTo("At most 20 units of 'Organic Milk 500ml' per delivery date;"
                + " your orders for that date already hold 15");
        List<String> fields = new java.util.ArrayList<>();
        more.json().fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("error", "message", "productId", "vendorId", "limit",
                "alreadyOrdered");
        assertThat(more.text("productId")).isEqualTo("prod-milk-500ml");
        assertThat(more.json().get("limit").asInt()).isEqualTo(20);
        assertThat(more.json().get("alreadyOrdered").asInt()).isEqualTo(15);
        assertThat(order(body(item("prod-yogurt-200g", 2), item("prod-milk-500ml", 5), date)).status()).isEqualTo(201);
    }

    private ApiClient.Answer order(Map<String, Object> body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", "Bearer " + asha);
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        return api.send(ApiClient.request("POST", "/orders", headers, Json.write(body)));
    }

    private int available(String productId) {
        return api.get("/products/" + productId).json().get("available").asInt();
    }

    private static Map<String, Object> body(Map<String, Object> first, Map<String, Object> second, String date) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", List.of(first, second));
        body.put("deliveryDate", date);
        body.put("addressId", "addr-home");
        return body;
    }

    private static Map<String, Object> item(String productId, int quantity) {
        return Map.of("productId", productId, "vendorId", "vendor-001", "quantity", quantity);
    }

    private static LocalDate firstDeliveryDate() {
        var now = Instant.now().atZone(KOLKATA);
        return now.toLocalTime().isBefore(LocalTime.of(22, 0)) ? now.toLocalDate().plusDays(1) : now.toLocalDate().plusDays(2);
    }
}
