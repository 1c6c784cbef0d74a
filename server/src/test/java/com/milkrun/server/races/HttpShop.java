package com.milkrun.server.races;

import com.fasterxml.jackson.databind.JsonNode;
import com.milkrun.demo.DemoData;
import com.milkrun.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A customer's and a vendor's view of one running MilkRun server, over real HTTP. */
final class HttpShop {
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    HttpShop(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Answer(int status, JsonNode json) {
        String text(String field) {
            return json.get(field).asText();
        }
    }

    Answer send(String method, String path, Object body, String token, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(Json.write(body)));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body().isEmpty() ? null : Json.parse(r.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String login(String email, String password) {
        Answer a = send("POST", "/auth/login", Map.of("email", email, "password", password), null, Map.of());
        if (a.status() != 200) {
            throw new IllegalStateException("login of " + email + " failed: " + a);
        }
        return a.text("idToken");
    }

    /** A new customer with a phone and a home in 390001, ready to order; returns the ID token. */
    String newCustomer() {
        String email = "racer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        send("POST", "/auth/register", Map.of("email", email, "password", "Race@Milk1", "name", "Racer"), null, Map.of());
        JsonNode mail = send("GET", "/dev/mailbox?email=" + email + "&limit=1", null, null, Map.of()).json();
        Matcher m = CODE.matcher(mail.get("items").get(0).get("body").asText());
        if (!m.find()) {
            throw new IllegalStateException("no code mailed to " + email);
        }
        send("POST", "/auth/verify", Map.of("email", email, "code", m.group(1)), null, Map.of());
        String token = login(email, "Race@Milk1");
        send("PUT", "/users/me", Map.of("phone", "+919800000000"), token, Map.of());
        String addressId = send("POST", "/users/me/addresses", Map.of("line1", "1 Race Course Road", "city", "Vadodara",
                "state", "Gujarat", "zipCode", "390001"), token, Map.of()).text("addressId");
        addresses.put(token, addressId);
        return token;
    }

    /** Each customer's address, by ID token; shared, since every server of a test reads the same database. */
    private static final Map<String, String> addresses = new java.util.concurrent.ConcurrentHashMap<>();

    Answer order(String token, String key, String productId, String vendorId, int quantity) {
        Map<String, Object> body = Map.of("items", List.of(Map.of("productId", productId, "vendorId", vendorId, "quantity", quantity)),
                "deliveryDate", firstDeliveryDate().toString(), "addressId", addresses.getOrDefault(token, "addr-home"));
        return send("POST", "/orders", body, token, Map.of("Idempotency-Key", key));
    }

    /** The vendor's product with its stock and reservations. */
    JsonNode vendorProduct(String vendorToken, String productId) {
        return send("GET", "/vendor/products/" + productId, null, vendorToken, Map.of()).json();
    }

    /** A new product of vendor-001 with the given stock, so that each race starts from a known state. */
    String newProduct(String vendorToken, int stock) {
        Answer a = send("POST", "/vendor/products", Map.of("name", "Race Milk " + UUID.randomUUID().toString().substring(0, 6),
                "category", "milk", "unit", "500 ml", "price", 120, "stock", stock), vendorToken, Map.of());
        if (a.status() != 201) {
            throw new IllegalStateException("could not add a product: " + a);
        }
        return a.text("productId");
    }

    String vendorToken() {
        return login("vendor@milkrun.dev", DemoData.PASSWORD);
    }

    static LocalDate firstDeliveryDate() {
        var now = Instant.now().atZone(ZoneId.of("Asia/Kolkata"));
        return now.toLocalTime().isBefore(LocalTime.of(22, 0)) ? now.toLocalDate().plusDays(1) : now.toLocalDate().plusDays(2);
    }
}
