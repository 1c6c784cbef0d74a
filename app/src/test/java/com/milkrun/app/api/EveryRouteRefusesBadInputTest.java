package com.milkrun.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.milkrun.access.Capability;
import com.milkrun.app.MilkRun;
import com.milkrun.demo.DemoData;
import com.milkrun.http.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Tries every kind of client mistake on every route the router has: each must answer a 4xx in the error envelope,
 * never a 5xx, and nothing may be written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryRouteRefusesBadInputTest {
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");

    private MilkRun app;
    private ApiClient api;
    private final Map<Capability, String> tokens = new LinkedHashMap<>();

    @BeforeAll
    void start() {
        app = MilkRun.start(TestConfigs.memory());
        api = new ApiClient(app.router()::handle);
        tokens.put(Capability.OWN_ACCOUNT, login(DemoData.CUSTOMER_EMAIL));
        tokens.put(Capability.SELL, login("vendor@milkrun.dev"));
        tokens.put(Capability.READ_CATALOG_BACKOFFICE, login("manager@milkrun.dev"));
        tokens.put(Capability.READ_ALL_ORDERS, login("manager@milkrun.dev"));
        tokens.put(Capability.ADMINISTER_USERS, login(DemoData.ADMIN_EMAIL));
        tokens.put(Capability.ADMINISTER_VENDORS, login(DemoData.ADMIN_EMAIL));
        tokens.put(Capability.OPERATE_PLATFORM, login(DemoData.ADMIN_EMAIL));
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void every_mistake_on_every_route_is_a_4xx_in_the_envelope_and_writes_nothing() {
        String before = snapshot();
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (Route route : app.router().routes()) {
            String path = concrete(route.template());
            String token = route.capability().map(tokens::get).orElse(null);
            for (Attempt attempt : attempts(route, path, token)) {
                ApiClient.Answer answer = api.send(attempt.method(), attempt.path(), attempt.body(), attempt.token());
                tried++;
                String problem = check(answer, attempt.expected());
                if (problem != null) {
                    failures.add(route.method() + " " + route.template() + " [" + attempt.what() + "]: " + problem + " -> " + answer);
                }
            }
        }
        assertThat(tried).as("attempts made").isGreaterThan(app.router().routes().size() * 3);
        assertThat(failures).isEmpty();
        assertThat(snapshot()).as("nothing was written").isEqualTo(before);
    }

    private List<Attempt> attempts(Route route, String path, String token) {
        List<Attempt> list = new ArrayList<>();
        boolean writes = route.method().equals("POST") || route.method().equals("PUT");
        boolean hasParams = route.template().contains("{");
        if (route.capability().isPresent()) {
            list.add(new Attempt("no token", route.method(), path, writes ? "{}" : null, null, 401));
            list.add(new Attempt("garbage token", route.method(), path, writes ? "{}" : null, "abc.def.ghi", 401));
            List<String> forged = BadTokens.variantsOf(token, app);
            for (int i = 0; i < forged.size(); i++) {
                list.add(new Attempt("forged token #" + i + " (expired, wrong key, alg none, wrong audience or issuer...)",
                        route.method(), path, writes ? "{}" : null, forged.get(i), 401));
            }
            Capability cap = route.capability().get();
            tokens.forEach((c, other) -> {
                if (!cap.allows(roleOf(c)) && !other.equals(token)) {
                    list.add(new Attempt("forbidden role " + c, route.method(), path, writes ? "{}" : null, other, 403));
                }
            });
        }
        for (String method : METHODS) {
            if (app.router().routes().stream().noneMatch(r -> r.method().equals(method) && matches(r.template(), path))) {
                list.add(new Attempt("wrong method " + method, method, path, null, token, 405));
            }
        }
        if (writes) {
            int expected = hasParams && !readsBody(route) ? 404 : 400;
            list.add(new Attempt("malformed JSON", route.method(), path, "{\"name\": ", token, expected));
            list.add(new Attempt("JSON array", route.method(), path, "[]", token, expected));
            list.add(new Attempt("wrong types", route.method(), path, Json.wrongTypes(), token, expected));
            list.add(new Attempt("oversized", route.method(), path, "{\"name\":\"" + "x".repeat(70_000) + "\"}", token, 413));
        }
        if (hasParams) {
            list.add(new Attempt("unknown id", route.method(), path, writes ? Json.valid() : null, token, 404));
        }
        return list;
    }

    /** Routes with path parameters whose handlers read a body validate it before looking the thing up. */
    private static boolean readsBody(Route route) {
        return !(route.template().endsWith("/approve") || route.template().endsWith("/disable") || route.template().endsWith("/enable")
                || route.template().endsWith("/cancel") || route.template().endsWith("/accept")
                || route.template().endsWith("/retry"));
    }

    private static String check(ApiClient.Answer answer, int expected) {
        if (answer.status() >= 500) {
            return "server error";
        }
        if (answer.status() < 400) {
            return "accepted a bad request";
        }
        if (expected > 0 && answer.status() != expected) {
            return "expected " + expected;
        }
        JsonNode json;
        try {
            json = answer.json();
        } catch (IllegalArgumentException e) {
            return "body is not JSON";
        }
        if (json == null || !json.hasNonNull("error") || !json.hasNonNull("message")) {
            return "not in the error envelope";
        }
        if (answer.response().bodyText().contains("Exception") || answer.response().bodyText().contains("\tat ")) {
            return "leaks a stack trace";
        }
        return null;
    }

    private String snapshot() {
        String admin = tokens.get(Capability.ADMINISTER_USERS);
        return api.get("/admin/users?limit=100", admin).response().bodyText()
                + api.get("/admin/vendors?limit=100", admin).response().bodyText()
                + api.get("/admin/products?limit=100", admin).response().bodyText()
                + api.get("/admin/orders?limit=100", admin).response().bodyText()
                + api.get("/users/me", tokens.get(Capability.OWN_ACCOUNT)).response().bodyText();
    }

    private String login(String email) {
        return api.post("/auth/login", Map.of("email", email, "password", DemoData.PASSWORD)).text("idToken");
    }

    private static com.milkrun.access.Role roleOf(Capability c) {
        return switch (c) {
            case OWN_ACCOUNT -> com.milkrun.access.Role.CUSTOMER;
            case SELL -> com.milkrun.access.Role.VENDOR;
            case READ_CATALOG_BACKOFFICE, READ_ALL_ORDERS -> com.milkrun.access.Role.MANAGER;
            case ADMINISTER_USERS, ADMINISTER_VENDORS, OPERATE_PLATFORM -> com.milkrun.access.Role.ADMIN;
        };
    }

    private static String concrete(String template) {
        return template.replaceAll("\\{productId}", "prod-does-not-exist").replaceAll("\\{vendorId}", "vendor-does-not-exist")
                .replaceAll("\\{userId}", "user-does-not-exist").replaceAll("\\{addressId}", "addr-does-not-exist").replaceAll("\\{orderId}", "order-does-not-exist")
                .replaceAll("\\{[a-zA-Z]+}", "does-not-exist");
    }

    private static boolean matches(String template, String path) {
        String[] t = template.split("/");
        String[] p = path.split("/");
        if (t.length != p.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (!t[i].startsWith("{") && !t[i].equals(p[i])) {
                return false;
            }
        }
        return true;
    }

    private record Attempt(String what, String method, String path, Object body, String token, int expected) {
    }

    /** Bodies used by the attempts. */
    private static final class Json {
        static String wrongTypes() {
            return "{\"email\":1,\"password\":2,\"name\":3,\"phone\":4,\"code\":5,\"refreshToken\":6,\"newPassword\":7,"
                    + "\"label\":8,\"line1\":9,\"line2\":10,\"city\":11,\"state\":12,\"zipCode\":13,\"isDefault\":\"yes\","
                    + "\"description\":14,\"contactEmail\":15,\"contactPhone\":16,\"pincodes\":\"390001\",\"category\":17,"
                    + "\"unit\":18,\"price\":\"50\",\"imageUrl\":19,\"active\":\"no\",\"stock\":\"5\",\"role\":20,\"reason\":21}";
        }

        static String valid() {
            return "{\"name\":\"Valid Name\",\"category\":\"milk\",\"unit\":\"1 L\",\"price\":10,\"stock\":1,"
                    + "\"line1\":\"1 Road\",\"city\":\"Vadodara\",\"state\":\"Gujarat\",\"zipCode\":\"390001\",\"role\":\"Customer\"}";
        }
    }
}
