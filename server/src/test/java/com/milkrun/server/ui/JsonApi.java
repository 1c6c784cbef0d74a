package com.milkrun.server.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.milkrun.orders.DeliveryWindow;
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
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.support.ui.FluentWait;

/** The MilkRun JSON API over plain HTTP, to check behind the UI's back what the browser tests did through it. */
final class JsonApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    JsonApi(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** GETs {@code path} asking for JSON (the same path in a browser would get the UI). */
    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    /** The HTTP status a JSON GET of {@code path} answers, whatever it is. */
    int status(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs {@code path} as the user whose ID token is {@code idToken} (see {@link #logIn}). */
    JsonNode get(String path, String idToken) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + idToken).GET());
    }

    JsonNode post(String path, Map<String, ?> body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSTs {@code body} as the user whose ID token is {@code idToken}, with extra request {@code headers}. */
    JsonNode post(String path, Map<String, ?> body, String idToken, Map<String, String> headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + idToken)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            headers.forEach(request::header);
            return send(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Places an order of {@code quantity} × one product as the customer whose ID token this is, to the saved address
     * {@code addressId} on {@code deliveryDate}, and answers the placed order (status {@code Pending}).
     */
    JsonNode placeOrder(String idToken, String addressId, LocalDate deliveryDate, String vendorId, String productId, int quantity) {
        Map<String, Object> line = Map.of("productId", productId, "vendorId", vendorId, "quantity", quantity);
        JsonNode order = post("/orders", Map.of("items", List.of(line), "deliveryDate", deliveryDate.toString(),
                "addressId", addressId), idToken, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        if (order.path("orderId").asText().isBlank()) {
            throw new AssertionError("POST /orders answered no orderId: " + order);
        }
        return order;
    }

    /** The first day an order placed now can be delivered: tomorrow until the 22:00 cut-off in India, then the day after. */
    static LocalDate firstDeliveryDate() {
        return DeliveryWindow.standard(ZoneId.of("Asia/Kolkata")).earliest(Instant.now());
    }

    /** Asks {@code answer} every 100 ms until it gives a non-null, non-false value, failing with {@code what} after {@link Browser#PATIENCE}. */
    <T> T eventually(String what, Function<JsonApi, T> answer) {
        return new FluentWait<>(this)
                .withTimeout(Browser.PATIENCE)
                .pollingEvery(Duration.ofMillis(100))
                .withMessage(() -> what)
                .until(answer);
    }

    /** Signs in and answers the ID token that authenticated routes take. */
    String logIn(String email, String password) {
        String idToken = post("/auth/login", Map.of("email", email, "password", password)).path("idToken").asText();
        if (idToken.isBlank()) {
            throw new AssertionError("POST /auth/login for " + email + " answered no idToken");
        }
        return idToken;
    }

    /** What the shop can still sell of a product for the next delivery: its stock less what orders have reserved. */
    int available(String productId) {
        JsonNode available = get("/products/" + URLEncoder.encode(productId, StandardCharsets.UTF_8)).path("available");
        if (!available.isIntegralNumber()) {
            throw new AssertionError("GET /products/" + productId + " answered no whole \"available\": " + available);
        }
        return available.asInt();
    }

    /** The catalog's answer to a text search, as the shop asks it. */
    JsonNode searchProducts(String text) {
        return get("/products?limit=100&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)).get("items");
    }

    /** The newest 6-digit code mailed to {@code email}, polling the dev mailbox until one arrives. */
    String latestCode(String email) {
        return new FluentWait<>(this)
                .withTimeout(Browser.PATIENCE)
                .pollingEvery(Duration.ofMillis(100))
                .withMessage(() -> "no code mailed to " + email)
                .until(api -> {
                    JsonNode items = api.get("/dev/mailbox?limit=1&email=" + URLEncoder.encode(email, StandardCharsets.UTF_8))
                            .path("items");
                    Matcher code = CODE.matcher(items.isEmpty() ? "" : items.get(0).path("body").asText());
                    return code.find() ? code.group(1) : null;
                });
    }

    private JsonNode send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> answer = client.send(request.header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new AssertionError(answer.request().method() + " " + answer.uri() + " answered "
                        + answer.statusCode() + ": " + answer.body());
            }
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
