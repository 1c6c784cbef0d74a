package com.milkrun.server.races;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.milkrun.server.LocalServer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Customers racing for the same milk over real HTTP: whatever the interleaving, stock is never oversold, every
 * answer is a 201 or a clean 4xx, and one idempotency key makes one order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrderRacesContract {
    private LocalServer server;
    protected HttpShop shop;
    private String vendor;
    private List<String> customers;

    protected abstract LocalServer startServer() throws Exception;

    @BeforeAll
    void start() throws Exception {
        server = startServer();
        shop = new HttpShop(server.port());
        vendor = shop.vendorToken();
        customers = IntStream.range(0, 8).mapToObj(i -> shop.newCustomer()).toList();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void two_customers_racing_for_the_last_unit_get_one_order_and_one_insufficient_stock() throws Exception {
        String product = shop.newProduct(vendor, 1);
        List<HttpShop.Answer> answers = Racing.race(2, i ->
                shop.order(customers.get(i), UUID.randomUUID().toString(), product, "vendor-001", 1));
        assertThat(answers).extracting(HttpShop.Answer::status).containsExactlyInAnyOrder(201, 400);
        assertThat(answers).filteredOn(a -> a.status() == 400).extracting(a -> a.text("error")).containsExactly("InsufficientStock");
        JsonNode level = shop.vendorProduct(vendor, product);
        assertThat(level.get("reserved").asInt()).isEqualTo(1);
        assertThat(level.get("stock").asInt()).isEqualTo(1);
    }

    @Test
    void two_hundred_orders_for_fifty_units_place_exactly_fifty() throws Exception {
        String product = shop.newProduct(vendor, 50);
        List<HttpShop.Answer> answers = Racing.race(200, i ->
                shop.order(customers.get(i % customers.size()), UUID.randomUUID().toString(), product, "vendor-001", 1));
        assertThat(answers).extracting(HttpShop.Answer::status).allMatch(s -> s == 201 || s == 400);
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(50);
        assertThat(answers).filteredOn(a -> a.status() == 400).extracting(a -> a.text("error")).containsOnly("InsufficientStock");
        JsonNode level = shop.vendorProduct(vendor, product);
        assertThat(level.get("reserved").asInt()).isEqualTo(50);
        assertThat(level.get("available").asInt()).isZero();
    }

    @Test
    void twenty_requests_with_one_idempotency_key_make_one_order() throws Exception {
        String product = shop.newProduct(vendor, 100);
        String key = UUID.randomUUID().toString();
        String customer = customers.get(0);
        List<HttpShop.Answer> answers = Racing.race(20, i -> shop.order(customer, key, product, "vendor-001", 2));
        assertThat(answers).extracting(HttpShop.Answer::status).allMatch(s -> s == 201 || s == 200);
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
        assertThat(answers).extracting(a -> a.text("orderId")).containsOnly(answers.get(0).text("orderId"));
        assertThat(shop.vendorProduct(vendor, product).get("reserved").asInt()).isEqualTo(2);
    }

    @Test
    void cancelling_while_others_order_gives_back_exactly_what_was_reserved() throws Exception {
        String product = shop.newProduct(vendor, 10);
        List<HttpShop.Answer> placed = Racing.race(5, i ->
                shop.order(customers.get(i), UUID.randomUUID().toString(), product, "vendor-001", 2));
        assertThat(placed).extracting(HttpShop.Answer::status).containsOnly(201);
        List<HttpShop.Answer> mixed = Racing.race(10, i -> i < 5
                ? shop.send("POST", "/orders/" + placed.get(i).text("orderId") + "/cancel", null, customers.get(i), Map.of())
                : shop.order(customers.get(i - 5), UUID.randomUUID().toString(), product, "vendor-001", 2));
        long newOrders = mixed.subList(5, 10).stream().filter(a -> a.status() == 201).count();
        assertThat(mixed.subList(0, 5)).extracting(HttpShop.Answer::status).containsOnly(200);
        assertThat(shop.vendorProduct(vendor, product).get("reserved").asInt()).isEqualTo((int) newOrders * 2);
    }
}
