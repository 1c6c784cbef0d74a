package com.milkrun.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.app.MilkRun;
import com.milkrun.demo.DemoData;
import com.milkrun.http.Json;
import com.milkrun.inventory.StockKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Disabled means disabled: a dairy the back office disabled can still read its order lines but can no longer accept
 * or reject them, so it cannot fail customers' orders on its way out. A fresh MilkRun per test, because disabling the
 * demo dairy would change what the other suites see.
 */
class DisabledVendorDecisionsApiTest {
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final String VENDOR_EMAIL = "vendor@milkrun.dev";

    private MilkRun app;
    private ApiClient api;

    @BeforeEach
    void openTheShop() {
        app = MilkRun.start(TestConfigs.memory());
        api = new ApiClient(app.router()::handle);
    }

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void a_disabled_dairy_can_neither_reject_nor_accept_and_the_order_keeps_its_stock() {
        String orderId = ashaOrdersMilkAndYogurt();
        int reserved = reserved("prod-milk-500ml");
        String ravi = login(VENDOR_EMAIL);
        assertThat(api.post("/admin/vendors/vendor-001/disable", Map.of(), login(DemoData.ADMIN_EMAIL)).status()).isEqualTo(200);

        var reject = api.post("/vendor/orders/" + orderId + "/reject", Map.of("reason", "Closing down"), ravi);
        var accept = api.post("/vendor/orders/" + orderId + "/accept", Map.of(), ravi);

        assertThat(reject.status()).isEqualTo(403);
        assertThat(reject.error()).isEqualTo("VendorDisabled");
        assertThat(reject.text("message")).isEqualTo("This vendor has been disabled by an administrator");
        assertThat(accept.status()).isEqualTo(403);
        assertThat(accept.error()).isEqualTo("VendorDisabled");
        var order = api.get("/orders/" + orderId, login(DemoData.CUSTOMER_EMAIL));
        assertThat(order.json().get("status").asText()).isIn("Pending", "Confirmed");
        assertThat(order.json().get("vendorDecisions")).isEmpty();
        assertThat(order.json().get("timeline")).extracting(e -> e.get("what").asText())
                .doesNotContain("VendorRejected", "VendorAccepted", "Failed");
        assertThat(reserved("prod-milk-500ml")).as("still reserved").isEqualTo(reserved).isGreaterThanOrEqualTo(2);
        assertThat(api.get("/vendor/orders", ravi).status()).as("it still reads its lines").isEqualTo(200);
    }

    @Test
    void an_approved_dairy_still_rejects_and_the_order_fails() {
        String orderId = ashaOrdersMilkAndYogurt();

        var reject = api.post("/vendor/orders/" + orderId + "/reject", Map.of("reason", "Cow is sick"), login(VENDOR_EMAIL));

        assertThat(reject.status()).isEqualTo(200);
        assertThat(reject.text("orderStatus")).isEqualTo("Failed");
    }

    private String ashaOrdersMilkAndYogurt() {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", "Bearer " + login(DemoData.CUSTOMER_EMAIL));
        headers.put("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> body = Map.of("items", List.of(
                        Map.of("productId", "prod-milk-500ml", "vendorId", "vendor-001", "quantity", 2),
                        Map.of("productId", "prod-yogurt-200g", "vendorId", "vendor-001", "quantity", 3)),
                "deliveryDate", firstDeliveryDate().toString(), "addressId", "addr-home");
        var placed = api.send(ApiClient.request("POST", "/orders", headers, Json.write(body)));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.text("orderId");
    }

    private String login(String email) {
        var answer = api.post("/auth/login", Map.of("email", email, "password", DemoData.PASSWORD));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.text("idToken");
    }

    private int reserved(String productId) {
        return app.stores().stock().get(new StockKey("vendor-001", productId)).orElseThrow().reserved();
    }

    private static LocalDate firstDeliveryDate() {
        var now = Instant.now().atZone(KOLKATA);
        return now.toLocalTime().isBefore(LocalTime.of(22, 0)) ? now.toLocalDate().plusDays(1) : now.toLocalDate().plusDays(2);
    }
}
