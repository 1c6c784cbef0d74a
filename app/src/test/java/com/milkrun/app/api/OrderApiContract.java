package com.milkrun.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.milkrun.demo.DemoData;
import com.milkrun.http.ApiRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Orders through the API, the same whichever runner serves it: the five example requests of the API overview (dates
 * moved to the present), the errors of the order flow, idempotency, listing and cancelling.
 */
public abstract class OrderApiContract extends ApiContract {
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    /** The first delivery date the cut-off allows now, in business time. */
    protected static LocalDate firstDeliveryDate() {
        var now = Instant.now().atZone(KOLKATA);
        return now.toLocalTime().isBefore(LocalTime.of(22, 0)) ? now.toLocalDate().plusDays(1) : now.toLocalDate().plusDays(2);
    }

    protected ApiClient.Answer order(String token, String key, Object body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/json");
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", "Bearer " + token);
        if (key != null) {
            headers.put("Idempotency-Key", key);
        }
        byte[] bytes = body instanceof String s ? s.getBytes() : com.milkrun.http.Json.write(body);
        ApiRequest request = ApiClient.request("POST", "/orders", headers, bytes);
        return api.send(request);
    }

    protected static Map<String, Object> body(List<Map<String, Object>> items, String date) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("deliveryDate", date);
        body.put("addressId", "addr-home");
        return body;
    }

    protected static Map<String, Object> item(String productId, String vendorId, Object quantity) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("productId", productId);
        m.put("vendorId", vendorId);
        m.put("quantity", quantity);
        return m;
    }

    private int available(String productId) {
        return api.get("/products/" + productId).json().get("available").asInt();
    }

    // ---- the example requests --------------------------------------------------------------------------

    @Test
    void example_request_1_places_a_valid_order() {
        String asha = login(DemoData.CUSTOMER_EMAIL);
        String date = firstDeliveryDate().toString();
        var answer = order(asha, UUID.randomUUID().toString(), body(List.of(item("prod-milk-500ml", "vendor-001", 2),
                item("prod-yogurt-200g", "vendor-001", 3)), date));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        JsonNode o = answer.json();
        assertThat(o.get("orderId").asText()).startsWith("order-");
        assertThat(o.get("userId").asText()).isEqualTo(DemoData.CUSTOMER_ID);
        assertThat(o.get("subtotal").decimalValue()).isEqualByComparingTo("190");
        assertThat(o.get("tax").decimalValue()).isEqualByComparingTo("9.5");
        assertThat(o.get("deliveryCharge").decimalValue()).isEqualByComparingTo("40");
        assertThat(o.get("discount").decimalValue()).isEqualByComparingTo("0");
        assertThat(o.get("totalAmount").decimalValue()).isEqualByComparingTo("239.5");
        assertThat(o.get("status").asText()).isEqualTo("Pending");
        assertThat(o.get("estimatedDelivery").asText()).isEqualTo(date + "T08:00:00+05:30");
        assertThat(o.get("message").asText()).isEqualTo("Order created successfully. You will receive confirmation shortly.");
        assertThat(o.get("items")).extracting(i -> i.get("productName").asText()).containsExactly("Organic Milk 500ml", "Greek Yogurt 200g");
        assertThat(o.get("items")).extracting(i -> i.get("totalPrice").asInt()).containsExactly(100, 90);
        assertThat(o.get("breakdown").get("taxBreakdown").get("cgst").decimalValue()).isEqualByComparingTo("4.75");
    }

    @Test
    void example_request_2_refuses_an_empty_order() {
        var answer = order(login(DemoData.CUSTOMER_EMAIL), UUID.randomUUID().toString(), body(List.of(), firstDeliveryDate().toString()));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("ValidationError");
        assertThat(answer.text("message")).isEqualTo("Invalid input data");
        assertThat(answer.json().get("errors")).hasSize(1);
        JsonNode e = answer.json().get("errors").get(0);
        assertThat(e.get("field").asText()).isEqualTo("items");
        assertThat(e.get("message").asText()).isEqualTo("Items array cannot be empty");
        assertThat(e.get("code").asText()).isEqualTo("EMPTY_ITEMS");
    }

    @Test
    void example_request_3_refuses_more_milk_than_there_is() {
        String asha = login(DemoData.CUSTOMER_EMAIL);
        int left = available("prod-milk-500ml");
        var answer = order(asha, UUID.randomUUID().toString(), body(List.of(item("prod-milk-500ml", "vendor-001", left + 1)),
                firstDeliveryDate().toString()));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("InsufficientStock");
        assertThat(answer.text("message")).isEqualTo("Product 'Organic Milk 500ml' has only " + left + " units available");
        assertThat(answer.text("productId")).isEqualTo("prod-milk-500ml");
        assertThat(answer.json().get("availableQuantity").asInt()).isEqualTo(left);
        assertThat(answer.json().get("requestedQuantity").asInt()).isEqualTo(left + 1);
        assertThat(available("prod-milk-500ml")).isEqualTo(left);
        var tooMany = order(asha, UUID.randomUUID().toString(), body(List.of(item("prod-milk-500ml", "vendor-001", 1000)),
                firstDeliveryDate().toString()));
        assertThat(tooMany.json().get("errors").get(0).get("code").asText()).as("field rules run first").isEqualTo("QUANTITY_TOO_HIGH");
    }

    @Test
    void example_request_4_refuses_a_past_delivery_date() {
        var answer = order(login(DemoData.CUSTOMER_EMAIL), UUID.randomUUID().toString(),
                body(List.of(item("prod-milk-500ml", "vendor-001", 2)), "2025-10-01"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("ValidationError");
        assertThat(answer.text("message")).isEqualTo("Invalid delivery date");
        JsonNode e = answer.json().get("errors").get(0);
        assertThat(e.get("field").asText()).isEqualTo("deliveryDate");
        assertThat(e.get("message").asText()).isEqualTo("Delivery date cannot be in the past");
        assertThat(e.get("code").asText()).isEqualTo("INVALID_DATE");
    }

    @Test
    void example_request_5_reads_the_order_back_confirmed_with_its_full_address() {
        String asha = login(DemoData.CUSTOMER_EMAIL);
        String orderId = order(asha, UUID.randomUUID().toString(), body(List.of(item("prod-milk-500ml", "vendor-001", 2),
                item("prod-yogurt-200g", "vendor-001", 3)), firstDeliveryDate().toString())).text("orderId");
        // Read back, it is Confirmed: the order workflow confirms it in the background moments after the 201.
        var answer = api.get("/orders/" + orderId, asha);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!answer.json().path("status").asText().equals("Confirmed") && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
            answer = api.get("/orders/" + orderId, asha);
        }
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asText()).isEqualTo("Confirmed");
        assertThat(java.time.Instant.parse(answer.json().path("updatedAt").asText()))
                .isAfter(java.time.Instant.parse(answer.json().path("createdAt").asText()));
        JsonNode address = answer.json().get("deliveryAddress");
        assertThat(address.get("line1").asText()).isEqualTo("123 Main Street");
        assertThat(address.get("city").asText()).isEqualTo("Vadodara");
        assertThat(address.get("state").asText()).isEqualTo("Gujarat");
        assertThat(address.get("zipCode").asText()).isEqualTo("390001");
        assertThat(answer.json().get("totalAmount").decimalValue()).isEqualByComparingTo("239.5");
        assertThat(answer.json().get("deliveryDate").asText()).isEqualTo(firstDeliveryDate().toString());
        assertThat(answer.json().has("createdAt")).isTrue();
        assertThat(answer.json().has("updatedAt")).isTrue();
    }

    // ---- the rest of the flow ---------------------------------------------------------------------------

    @Test
    void requires_an_idempotency_key_and_replays_the_same_order_for_it() {
        String asha = login(DemoData.CUSTOMER_EMAIL);
        Map<String, Object> body = body(List.of(item("prod-gir-paneer-200g", "vendor-001", 2)), firstDeliveryDate().toString());
        var missing = order(asha, null, body);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("MissingIdempotencyKey");
        assertThat(missing.text("message")).isEqualTo("Idempotency-Key header is required");

        String key = UUID.randomUUID().toString();
        int before = available("prod-gir-paneer-200g");
        var first = order(asha, key, body);
        assertThat(first.status()).isEqualTo(201);
        var again = order(asha, key, body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("orderId")).isEqualTo(first.text("orderId"));
        assertThat(available("prod-gir-paneer-200g")).isEqualTo(before - 2);

        var different = order(asha, key, body(List.of(item("prod-gir-paneer-200g", "vendor-001", 3)), firstDeliveryDate().toString()));
        assertThat(different.status()).isEqualTo(422);
        assertThat(different.error()).isEqualTo("IdempotencyKeyReused");
    }

    @Test
    void rejects_the_whole_order_listing_every_short_line() {
        String asha = login(DemoData.CUSTOMER_EMAIL);
        int milk1l = available("prod-milk-1l");
        int yogurt = available("prod-yogurt-200g");
        var answer = order(asha, UUID.randomUUID().toString(), body(List.of(item("prod-yogurt-200g", "vendor-001", 1),
                item("prod-milk-1l", "vendor-001", milk1l + 5), item("prod-vrindavan-fresh-cream-200ml", "vendor-vrindavan", 1)),
                firstDeliveryDate().toString()));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("InsufficientStock");
        assertThat(answer.text("message")).isEqualTo("Product 'Organic Milk 1L' has only " + milk1l + " units available");
        assertThat(answer.json().get("unavailableItems")).extracting(i -> i.get("productId").asText())
                .containsExactlyInAnyOrder("prod-milk-1l", "prod-vrindavan-fresh-cream-200ml");
        assertThat(available("prod-yogurt-200g")).as("nothing reserved").isEqualTo(yogurt);
    }

    @Test
    void quotes_a_shortage_before_placing() {
        var quote = api.post("/orders/quote", body(List.of(item("prod-milk-1l", "vendor-001", 99)), firstDeliveryDate().toString()),
                login(DemoData.CUSTOMER_EMAIL));
        assertThat(quote.status()).isEqualTo(400);
        assertThat(quote.error()).isEqualTo("InsufficientStock");
    }

    @Test
    void prices_a_two_vendor_order_and_quotes_it_first() {
        String asha = login(DemoData.CUSTOMER_EMAIL);
        Map<String, Object> body = body(List.of(item("prod-gir-ghee-500ml", "vendor-001", 1),
                item("prod-vrindavan-toned-milk-500ml", "vendor-vrindavan", 2)), firstDeliveryDate().toString());
        var quote = api.post("/orders/quote", body, asha);
        assertThat(quote.status()).isEqualTo(200);
        assertThat(quote.json().get("subtotal").decimalValue()).isEqualByComparingTo("906");
        assertThat(quote.json().get("deliveryCharge").decimalValue()).isEqualByComparingTo("10");
        assertThat(quote.json().get("totalAmount").decimalValue()).isEqualByComparingTo("961.3");
        var placed = order(asha, UUID.randomUUID().toString(), body);
        assertThat(placed.json().get("totalAmount").decimalValue()).isEqualByComparingTo("961.3");
        assertThat(placed.json().get("breakdown").get("deliveryDetails").get("multiVendorSurcharge").decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void applies_the_first_order_discount_once_and_checks_the_minimum_on_the_subtotal() {
        String token = newVerifiedCustomer(newEmail());
        api.put("/users/me", Map.of("phone", "+919811100011"), token);
        String addressId = api.post("/users/me/addresses", Map.of("line1", "7 Sayajigunj", "city", "Vadodara", "state", "Gujarat",
                "zipCode", "390005"), token).text("addressId");
        Map<String, Object> small = body(List.of(item("prod-gir-chaas-500ml", "vendor-001", 3)), firstDeliveryDate().toString());
        small.put("addressId", addressId);
        var minimum = order(token, UUID.randomUUID().toString(), small);
        assertThat(minimum.status()).isEqualTo(400);
        assertThat(minimum.error()).isEqualTo("MinimumOrderValue");
        assertThat(minimum.text("message")).isEqualTo("Order total must be at least ₹100");
        assertThat(minimum.json().get("currentTotal").decimalValue()).isEqualByComparingTo("75");
        assertThat(minimum.json().get("minimumRequired").decimalValue()).isEqualByComparingTo("100");

        Map<String, Object> first = body(List.of(item("prod-milk-500ml", "vendor-001", 2), item("prod-yogurt-200g", "vendor-001", 3)),
                firstDeliveryDate().toString());
        first.put("addressId", addressId);
        var placed = order(token, UUID.randomUUID().toString(), first);
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.json().get("discount").decimalValue()).isEqualByComparingTo("19");
        assertThat(placed.json().get("totalAmount").decimalValue()).isEqualByComparingTo("220.5");
        var second = order(token, UUID.randomUUID().toString(), first);
        assertThat(second.json().get("discount").decimalValue()).isEqualByComparingTo("0");
        assertThat(api.get("/users/me", token).json().get("orderCount").asInt()).isEqualTo(2);
    }

    @Test
    void asks_for_a_complete_profile_and_a_known_address() {
        String token = newVerifiedCustomer(newEmail());
        var incomplete = order(token, UUID.randomUUID().toString(), body(List.of(item("prod-milk-500ml", "vendor-001", 2)),
                firstDeliveryDate().toString()));
        assertThat(incomplete.status()).isEqualTo(409);
        assertThat(incomplete.error()).isEqualTo("ProfileIncomplete");
        assertThat(incomplete.text("message")).isEqualTo("Please complete your profile before placing an order");
        assertThat(incomplete.json().get("missingFields")).extracting(JsonNode::asText).containsExactly("address", "phone");

        Map<String, Object> elsewhere = body(List.of(item("prod-milk-500ml", "vendor-001", 2)), firstDeliveryDate().toString());
        elsewhere.put("addressId", "addr-nowhere");
        var unknown = order(login(DemoData.CUSTOMER_EMAIL), UUID.randomUUID().toString(), elsewhere);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("message")).isEqualTo("Address not found");
    }

    @Test
    void refuses_products_that_are_not_sold_or_not_delivered_there() {
        String asha = login(DemoData.CUSTOMER_EMAIL);
        var unknown = order(asha, UUID.randomUUID().toString(), body(List.of(item("prod-milk-500ml", "vendor-kaveri", 2)),
                firstDeliveryDate().toString()));
        assertThat(unknown.error()).isEqualTo("ProductNotFound");
        var pending = order(asha, UUID.randomUUID().toString(), body(List.of(item("prod-himalayan-churpi-100g", "vendor-himalayan", 1)),
                firstDeliveryDate().toString()));
        assertThat(pending.error()).isEqualTo("ProductNotFound");
        var far = order(asha, UUID.randomUUID().toString(), body(List.of(item("prod-kaveri-a2-milk-1l", "vendor-kaveri", 2)),
                firstDeliveryDate().toString()));
        assertThat(far.status()).isEqualTo(400);
        assertThat(far.error()).isEqualTo("NotDeliverable");
    }

    @Test
    void lists_orders_newest_first_and_hides_other_peoples_orders() {
        String token = newVerifiedCustomer(newEmail());
        api.put("/users/me", Map.of("phone", "+919811100012"), token);
        String addressId = api.post("/users/me/addresses", Map.of("line1", "9 Akota", "city", "Vadodara", "state", "Gujarat",
                "zipCode", "390020"), token).text("addressId");
        String[] ids = new String[3];
        for (int i = 0; i < 3; i++) {
            Map<String, Object> b = body(List.of(item("prod-milk-500ml", "vendor-001", 2 + i)), firstDeliveryDate().toString());
            b.put("addressId", addressId);
            ids[i] = order(token, UUID.randomUUID().toString(), b).text("orderId");
        }
        var page = api.get("/orders?limit=2", token);
        assertThat(page.json().get("items")).extracting(o -> o.get("orderId").asText()).containsExactly(ids[2], ids[1]);
        var next = api.get("/orders?limit=2&nextToken=" + java.net.URLEncoder.encode(page.text("nextToken"), java.nio.charset.StandardCharsets.UTF_8), token);
        assertThat(next.json().get("items")).extracting(o -> o.get("orderId").asText()).containsExactly(ids[0]);
        assertThat(next.json().has("nextToken")).isFalse();

        assertThat(api.get("/orders/" + ids[0], login(DemoData.CUSTOMER_EMAIL)).status()).isEqualTo(404);
        assertThat(api.get("/orders/" + ids[0], login("manager@milkrun.dev")).status()).isEqualTo(200);
        assertThat(api.get("/orders/order-nope", token).status()).isEqualTo(404);
        assertThat(api.get("/admin/orders?pincode=390020", login("manager@milkrun.dev")).json().get("items"))
                .extracting(o -> o.get("orderId").asText()).contains(ids[0], ids[1], ids[2]);
        assertThat(api.get("/admin/orders", token).status()).isEqualTo(403);
        var vendorLines = api.get("/vendor/orders?deliveryDate=" + firstDeliveryDate(), login("vendor@milkrun.dev"));
        assertThat(vendorLines.json().get("items")).extracting(l -> l.get("orderId").asText()).contains(ids[0]);
    }

    @Test
    void cancelling_gives_the_stock_back_and_only_once() {
        String asha = login(DemoData.CUSTOMER_EMAIL);
        int before = available("prod-gir-chaas-500ml");
        // a day later than the first possible date, so that the cut-off cannot pass between placing and cancelling
        var placed = order(asha, UUID.randomUUID().toString(), body(List.of(item("prod-gir-chaas-500ml", "vendor-001", 4),
                item("prod-milk-500ml", "vendor-001", 1)), firstDeliveryDate().plusDays(1).toString()));
        assertThat(placed.json().get("canCancel").asBoolean()).isTrue();
        assertThat(available("prod-gir-chaas-500ml")).isEqualTo(before - 4);
        String orderId = placed.text("orderId");
        var cancelled = api.post("/orders/" + orderId + "/cancel", null, asha);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.text("status")).isEqualTo("Cancelled");
        assertThat(cancelled.json().get("canCancel").asBoolean()).isFalse();
        assertThat(available("prod-gir-chaas-500ml")).isEqualTo(before);
        var again = api.post("/orders/" + orderId + "/cancel", null, asha);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("CannotCancel");
        assertThat(available("prod-gir-chaas-500ml")).isEqualTo(before);
        assertThat(api.post("/orders/" + orderId + "/cancel", null, login("kaveri@milkrun.dev")).status()).isEqualTo(404);
    }
}
