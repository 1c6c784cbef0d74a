package com.milkrun.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.milkrun.demo.DemoData;
import com.milkrun.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Customers, vendors and the back office of one running MilkRun server, over real HTTP. Tokens and addresses are
 * shared by every {@code Shop} of a test, since all its servers read one database.
 */
public class Shop {
    public static final String GIR = "vendor-001";
    public static final String GIR_OWNER = "vendor@milkrun.dev";
    public static final String VRINDAVAN = "vendor-vrindavan";
    public static final String VRINDAVAN_OWNER = "vrindavan@milkrun.dev";
    public static final String ADMIN = "admin@milkrun.dev";

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Map<String, String> ADDRESSES = new ConcurrentHashMap<>();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Shop(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** An HTTP answer; {@code json} is null for an empty body. */
    public record Answer(int status, JsonNode json) {
        public String text(String field) {
            return json.get(field).asText();
        }
    }

    /** One line of an order. */
    public record Line(String productId, String vendorId, int quantity) {
    }

    /**
     * Sends one request.
     *
     * @throws UncheckedIOException when there is no answer (refused, reset, the server died mid-request)
     */
    public Answer send(String method, String path, Object body, String token, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
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

    /** GET that must answer 200. */
    public JsonNode get(String path, String token) {
        Answer a = send("GET", path, null, token, Map.of());
        if (a.status() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + a.status() + ": " + a.json());
        }
        return a.json();
    }

    /** Every item of a paginated list, following {@code nextToken}. */
    public List<JsonNode> all(String path, String token) {
        List<JsonNode> items = new ArrayList<>();
        String next = null;
        do {
            String page = path + (path.contains("?") ? "&" : "?") + "limit=100"
                    + (next == null ? "" : "&nextToken=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            JsonNode json = get(page, token);
            json.get("items").forEach(items::add);
            next = json.hasNonNull("nextToken") ? json.get("nextToken").asText() : null;
        } while (next != null);
        return items;
    }

    public String login(String email, String password) {
        Answer a = send("POST", "/auth/login", Map.of("email", email, "password", password), null, Map.of());
        if (a.status() != 200) {
            throw new IllegalStateException("login of " + email + " failed: " + a);
        }
        return a.text("idToken");
    }

    public String demoLogin(String email) {
        return login(email, DemoData.PASSWORD);
    }

    /** A new verified customer with a phone and a home in 390001, ready to order; returns the ID token. */
    public String newCustomer() {
        String email = "milkman-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        send("POST", "/auth/register", Map.of("email", email, "password", "Fresh@Milk1", "name", "Early Riser"), null, Map.of());
        JsonNode mail = get("/dev/mailbox?email=" + email + "&limit=1", null);
        Matcher m = CODE.matcher(mail.get("items").get(0).get("body").asText());
        if (!m.find()) {
            throw new IllegalStateException("no code mailed to " + email);
        }
        send("POST", "/auth/verify", Map.of("email", email, "code", m.group(1)), null, Map.of());
        String token = login(email, "Fresh@Milk1");
        send("PUT", "/users/me", Map.of("phone", "+919800000000"), token, Map.of());
        Answer address = send("POST", "/users/me/addresses", Map.of("line1", "7 Alkapuri Society", "city", "Vadodara",
                "state", "Gujarat", "zipCode", "390001"), token, Map.of());
        ADDRESSES.put(token, address.text("addressId"));
        return token;
    }

    /** A new product of the vendor whose owner's token this is, with {@code stock} units and none reserved. */
    public String newProduct(String vendorToken, int stock) {
        Answer a = send("POST", "/vendor/products", Map.of("name", "Night Milk " + UUID.randomUUID().toString().substring(0, 6),
                "category", "milk", "unit", "500 ml", "price", 120, "stock", stock), vendorToken, Map.of());
        if (a.status() != 201) {
            throw new IllegalStateException("could not add a product: " + a);
        }
        return a.text("productId");
    }

    /** POST /orders for the customer's home; throws {@link UncheckedIOException} when no answer comes. */
    public Answer order(String customerToken, String idempotencyKey, List<Line> lines) {
        List<Map<String, Object>> items = lines.stream()
                .map(l -> Map.<String, Object>of("productId", l.productId(), "vendorId", l.vendorId(), "quantity", l.quantity()))
                .toList();
        Map<String, Object> body = Map.of("items", items, "deliveryDate", firstDeliveryDate().toString(),
                "addressId", ADDRESSES.getOrDefault(customerToken, "addr-home"));
        return send("POST", "/orders", body, customerToken, Map.of("Idempotency-Key", idempotencyKey));
    }

    /** The order with its timeline. */
    public JsonNode order(String customerToken, String orderId) {
        return get("/orders/" + orderId, customerToken);
    }

    /** Every order of the customer. */
    public List<JsonNode> ordersOf(String customerToken) {
        return all("/orders", customerToken);
    }

    /** The caller's whole inbox. */
    public List<JsonNode> inbox(String token) {
        return all("/users/me/notifications", token);
    }

    /** The vendor's product with its stock and reservations. */
    public JsonNode vendorProduct(String vendorToken, String productId) {
        return get("/vendor/products/" + productId, vendorToken);
    }

    /** The workflow runs of one order. */
    public List<JsonNode> runsOf(String adminToken, String orderId) {
        return all("/admin/workflow/runs?orderId=" + URLEncoder.encode(orderId, StandardCharsets.UTF_8), adminToken);
    }

    /** Every workflow run in the given status (Running, Succeeded, Failed, Aborted). */
    public List<JsonNode> runsIn(String adminToken, String status) {
        return all("/admin/workflow/runs?status=" + status, adminToken);
    }

    /** One run with its history. */
    public JsonNode run(String adminToken, String runId) {
        return get("/admin/workflow/runs/" + runId, adminToken);
    }

    public static LocalDate firstDeliveryDate() {
        var now = Instant.now().atZone(ZoneId.of("Asia/Kolkata"));
        return now.toLocalTime().isBefore(LocalTime.of(22, 0)) ? now.toLocalDate().plusDays(1) : now.toLocalDate().plusDays(2);
    }
}
