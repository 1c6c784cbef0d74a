package com.milkrun.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.milkrun.app.Config;
import com.milkrun.app.MilkRun;
import com.milkrun.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The limits as a deployment has them by default: 600 requests a minute per address, 300 per signed-in account, 30
 * failed passwords or codes per address in 15 minutes, and the slower per-account count that stops guessing from many
 * addresses without locking the owner out. Time is moved by hand.
 */
class RateLimitsTest {
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final String PASSWORD = "Fresh@Milk1";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-04T05:30:00Z"));
    private MilkRun app;
    private ApiClient home;
    private ApiClient attacker;
    private ApiClient mailbox;

    @BeforeEach
    void start() {
        Map<String, String> env = TestConfigs.base(Map.of("MILKRUN_STORE", "memory",
                "MILKRUN_RATE_LIMIT_PER_CLIENT", "600",
                "MILKRUN_RATE_LIMIT_PER_ACCOUNT", "300",
                "MILKRUN_FAILED_ATTEMPTS_PER_CLIENT", "30", "MILKRUN_WORKFLOW_RUNNER", "false"));
        app = MilkRun.start(Config.from(env), clock);
        ApiClient api = new ApiClient(app.router()::handle);
        home = api.from("198.51.100.20");
        attacker = api.from("203.0.113.66");
        mailbox = api.from("192.0.2.1");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void a_burst_from_one_address_gets_429_with_retry_after_in_the_error_envelope() {
        for (int i = 0; i < 600; i++) {
            assertThat(attacker.get("/categories").status()).isEqualTo(200);
        }

        var refused = attacker.get("/categories");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error()).isEqualTo("RateLimitExceeded");
        assertThat(refused.text("message")).startsWith("Too many requests. Try again in ");
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        clock.advance(Duration.ofSeconds(Integer.parseInt(refused.header("Retry-After"))));
        assertThat(attacker.get("/categories").status()).isEqualTo(200);
    }

    @Test
    void the_limit_holds_across_every_route_it_covers() {
        List<Runnable> calls = List.of(
                () -> attacker.get("/products?limit=5"),
                () -> attacker.get("/categories"),
                () -> attacker.get("/vendors"),
                () -> attacker.get("/no-such-route"),
                () -> attacker.post("/orders/quote", Map.of()),
                () -> attacker.post("/auth/login", "{not json"));
        for (int i = 0; i < 600; i++) {
            calls.get(i % calls.size()).run();
        }

        assertThat(attacker.get("/products/prod-milk-500ml").status()).isEqualTo(429);
        assertThat(attacker.get("/no-such-route").status()).isEqualTo(429);
        assertThat(attacker.post("/auth/login", Map.of("email", "asha@x.dev", "password", "x")).status()).isEqualTo(429);
        assertThat(home.get("/categories").status()).as("another address").isEqualTo(200);
    }

    @Test
    void a_customers_normal_morning_never_meets_a_limit() {
        List<Integer> statuses = new ArrayList<>();
        var login = home.post("/auth/login", Map.of("email", "customer@milkrun.dev", "password", "MilkRun@2026"));
        assertThat(login.status()).isEqualTo(200);
        String token = login.text("idToken");
        for (int page = 0; page < 20; page++) {
            statuses.add(home.get("/products?limit=20").status());
            statuses.add(home.get("/categories").status());
            statuses.add(home.get("/users/me", token).status());
            statuses.add(home.get("/products/prod-milk-500ml").status());
            statuses.add(home.get("/users/me/addresses", token).status());
            clock.advance(Duration.ofSeconds(3));
        }
        String deliveryDate = clock.instant().atZone(java.time.ZoneId.of("Asia/Kolkata")).toLocalDate().plusDays(2).toString();
        Map<String, Object> order = Map.of("items", List.of(Map.of("productId", "prod-milk-500ml", "vendorId", "vendor-001",
                "quantity", 2), Map.of("productId", "prod-yogurt-200g", "vendorId", "vendor-001", "quantity", 3)),
                "deliveryDate", deliveryDate, "addressId", "addr-home");
        statuses.add(home.post("/orders/quote", order, token).status());
        var placed = home.send(ApiClient.request("POST", "/orders", Map.of("Content-Type", "application/json",
                "Authorization", "Bearer " + token, "Idempotency-Key", UUID.randomUUID().toString()),
                com.milkrun.http.Json.write(order)));
        assertThat(placed.status()).isEqualTo(201);
        for (int poll = 0; poll < 60; poll++) {
            statuses.add(home.get("/orders/" + placed.text("orderId"), token).status());
            clock.advance(Duration.ofSeconds(2));
        }

        assertThat(statuses).doesNotContain(429).containsOnly(200);
    }

    @Test
    void one_account_is_limited_across_every_address_it_calls_from() {
        String token = home.post("/auth/login", Map.of("email", "customer@milkrun.dev", "password", "MilkRun@2026"))
                .text("idToken");
        ApiClient api = new ApiClient(app.router()::handle);
        for (int i = 0; i < 300; i++) {
            assertThat(api.from("10.1." + (i / 250) + "." + (i % 250)).get("/users/me", token).status()).isEqualTo(200);
        }

        var refused = api.from("10.9.9.9").get("/users/me", token);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.error()).isEqualTo("RateLimitExceeded");
        assertThat(refused.header("Retry-After")).isNotBlank();
    }

    @Test
    void wrong_passwords_slow_the_guessing_address_while_the_owner_signs_in_from_home() {
        String email = newVerifiedCustomer();
        for (int i = 0; i < 5; i++) {
            var wrong = attacker.post("/auth/login", Map.of("email", email, "password", "Guess@" + i + "abc"));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.error()).isEqualTo("InvalidCredentials");
        }

        var slowed = attacker.post("/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.error()).isEqualTo("TooManyAttempts");
        assertThat(slowed.header("Retry-After")).isEqualTo("1");

        assertThat(home.post("/auth/login", Map.of("email", email, "password", PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void guesses_from_many_addresses_slow_the_account_to_one_try_every_30_seconds_but_never_lock_the_owner_out() {
        String email = newVerifiedCustomer();
        ApiClient api = new ApiClient(app.router()::handle);
        int guesses = 0;
        int slowed = 0;
        int longestWait = 0;
        for (int i = 0; i < 60; i++) {
            var answer = api.from("203.0.113." + i).post("/auth/login", Map.of("email", email, "password", "Guess@" + i + "abc"));
            if (answer.status() == 401) {
                guesses++;
            } else {
                assertThat(answer.status()).isEqualTo(429);
                assertThat(answer.error()).isEqualTo("TooManyAttempts");
                slowed++;
                int wait = Integer.parseInt(answer.header("Retry-After"));
                longestWait = Math.max(longestWait, wait);
                clock.advance(Duration.ofSeconds(wait));
            }
        }
        assertThat(slowed).isPositive();
        assertThat(longestWait).isLessThanOrEqualTo(30);

        clock.advance(Duration.ofSeconds(30));
        assertThat(home.post("/auth/login", Map.of("email", email, "password", PASSWORD)).status()).isEqualTo(200);
        assertThat(guesses).as("the first ten are free, then the waits add up").isLessThan(60);
    }

    @Test
    void resending_codes_is_limited_to_three_an_hour_per_account() {
        String email = newEmail();
        assertThat(home.post("/auth/register", Map.of("email", email, "password", PASSWORD, "name", "Meera")).status())
                .isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(10));
            assertThat(home.post("/auth/resend-code", Map.of("email", email)).status()).isEqualTo(200);
        }

        assertThat(codesSentTo(email)).as("the code at sign-up and two resends").hasSize(3);
        clock.advance(Duration.ofHours(1));
        assertThat(home.post("/auth/resend-code", Map.of("email", email)).status()).isEqualTo(200);
        assertThat(codesSentTo(email)).hasSize(4);
    }

    @Test
    void codes_cannot_be_guessed_without_end_by_asking_for_new_ones() {
        String email = newEmail();
        assertThat(home.post("/auth/register", Map.of("email", email, "password", PASSWORD, "name", "Meera")).status())
                .isEqualTo(200);
        ApiClient api = new ApiClient(app.router()::handle);
        int checked = 0;
        for (int i = 0; i < 200; i++) {
            ApiClient guesser = api.from("203.0.113." + (i % 250));
            if (i % 5 == 4) {
                guesser.post("/auth/resend-code", Map.of("email", email));
                continue;
            }
            var answer = guesser.post("/auth/verify", Map.of("email", email, "code", String.format("%06d", i)));
            if (answer.status() == 400 && "Invalid verification code".equals(answer.text("message"))) {
                checked++;
            }
            clock.advance(Duration.ofSeconds(5));
        }

        assertThat(checked).as("wrong codes checked within the hour").isLessThanOrEqualTo(15);
        String latest = codesSentTo(email).getFirst();
        var withRealCode = home.post("/auth/verify", Map.of("email", email, "code", latest));
        assertThat(withRealCode.status()).as("the owner is told to ask for a new code, not locked for good").isEqualTo(400);
        clock.advance(Duration.ofHours(1));
        assertThat(home.post("/auth/resend-code", Map.of("email", email)).status()).isEqualTo(200);
        assertThat(home.post("/auth/verify", Map.of("email", email, "code", codesSentTo(email).getFirst())).status())
                .isEqualTo(200);
    }

    private String newEmail() {
        return "meera-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private String newVerifiedCustomer() {
        String email = newEmail();
        assertThat(home.post("/auth/register", Map.of("email", email, "password", PASSWORD, "name", "Meera")).status())
                .isEqualTo(200);
        assertThat(home.post("/auth/verify", Map.of("email", email, "code", codesSentTo(email).getFirst())).status())
                .isEqualTo(200);
        return email;
    }

    /** The codes emailed to {@code email}, newest first. */
    private List<String> codesSentTo(String email) {
        var mail = mailbox.get("/dev/mailbox?email=" + email + "&limit=100");
        assertThat(mail.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        for (JsonNode item : mail.json().get("items")) {
            Matcher m = CODE.matcher(item.get("body").asText());
            if (m.find()) {
                codes.add(m.group(1));
            }
        }
        return codes;
    }
}
