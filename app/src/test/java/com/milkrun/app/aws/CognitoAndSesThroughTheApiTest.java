package com.milkrun.app.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.app.Config;
import com.milkrun.app.MilkRun;
import com.milkrun.app.api.ApiClient;
import com.milkrun.app.api.TestConfigs;
import com.milkrun.http.Json;
import com.milkrun.identity.cognito.testing.CognitoServer;
import com.milkrun.mail.testing.SesServer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MilkRun configured as the SAM template configures its functions for identity and email
 * ({@code MILKRUN_IDENTITY=cognito}, {@code MILKRUN_EMAIL=ses}), through the router, against the local Cognito
 * server (npm {@code cognito-local}) and the local SES server (npm {@code aws-ses-v2-local}): a new customer signs up
 * with the code Cognito sends, signs in with a token the pool signs, orders, and the order's emails go out through SES;
 * a forgotten password is reset with the pool's code.
 */
class CognitoAndSesThroughTheApiTest {
    private static final String PASSWORD = "Fresh-Milk-2026";
    private static final String FROM = "MilkRun <orders@milkrun.example>";
    /** How long the order's emails may take to reach SES: they leave from the outbox thread. */
    private static final Duration SES_PATIENCE = Duration.ofSeconds(15);

    private final CognitoServer cognito = CognitoServer.get();
    private final CognitoServer.Pool pool = cognito.newPool();
    private final SesServer ses = SesServer.get();
    private MilkRun app;
    private ApiClient api;

    @BeforeEach
    void start() {
        app = MilkRun.start(Config.from(TestConfigs.base(Map.ofEntries(
                Map.entry("MILKRUN_STORE", "memory"),
                Map.entry("AWS_REGION", CognitoServer.REGION),
                Map.entry("MILKRUN_IDENTITY", "cognito"),
                Map.entry("COGNITO_USER_POOL_ID", pool.id()),
                Map.entry("COGNITO_CLIENT_ID", pool.clientId()),
                Map.entry("MILKRUN_COGNITO_ENDPOINT", pool.endpoint().toString()),
                Map.entry("MILKRUN_EMAIL", "ses"),
                Map.entry("MILKRUN_SES_FROM", FROM),
                Map.entry("MILKRUN_SES_ENDPOINT", ses.endpoint().toString())))));
        api = new ApiClient(app.router()::handle);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void a_customer_signs_up_with_cognitos_code_orders_and_the_orders_emails_go_out_through_ses() {
        String email = "kavya-" + Instant.now().toEpochMilli() + "@milkrun.example";
        ApiClient.Answer registered = api.post("/auth/register", Map.of("email", email, "password", PASSWORD,
                "name", "Kavya Menon", "phone", "+919876500011"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(api.post("/auth/login", Map.of("email", email, "password", PASSWORD)).error())
                .isEqualTo("EmailNotVerified");

        String code = cognito.awaitCode(email, 0);
        assertThat(api.post("/auth/verify", Map.of("email", email, "code", code)).status()).isEqualTo(200);
        ApiClient.Answer login = api.post("/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        String token = login.text("idToken");
        assertThat(api.get("/users/me", token).text("email")).isEqualTo(email);
        assertThat(api.get("/users/me", token + "x").status()).as("a token the pool did not sign").isEqualTo(401);

        String addressId = api.post("/users/me/addresses", Map.of("label", "Home", "line1", "12 Alkapuri Society",
                "city", "Vadodara", "state", "Gujarat", "zipCode", "390007"), token).text("addressId");
        String deliveryDate = LocalDate.now(ZoneId.of("Asia/Kolkata")).plusDays(2).toString();
        ApiClient.Answer placed = api.send(ApiClient.request("POST", "/orders", Map.of("authorization", "Bearer " + token,
                "idempotency-key", "cognito-ses-1", "content-type", "application/json"), Json.write(Map.of(
                "items", List.of(Map.of("productId", "prod-milk-500ml", "vendorId", "vendor-001", "quantity", 3)),
                "deliveryDate", deliveryDate, "addressId", addressId))));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.text("orderId");

        List<SesServer.ReceivedEmail> toCustomer = ses.awaitEmailsTo(email, 1, SES_PATIENCE);
        assertThat(toCustomer).extracting(SesServer.ReceivedEmail::subject).containsExactly("Order confirmed: " + orderId);
        assertThat(toCustomer.getFirst().from()).contains("orders@milkrun.example");
        assertThat(ses.awaitEmailsTo("vendor@milkrun.dev", 1, SES_PATIENCE)).extracting(SesServer.ReceivedEmail::subject)
                .contains("New order for " + deliveryDate + ": Gir Organic Dairy");
    }

    @Test
    void a_forgotten_password_is_reset_with_the_code_cognito_sends() {
        String email = "rohan-" + Instant.now().toEpochMilli() + "@milkrun.example";
        assertThat(api.post("/auth/register", Map.of("email", email, "password", PASSWORD, "name", "Rohan Das")).status())
                .isEqualTo(200);
        assertThat(api.post("/auth/verify", Map.of("email", email, "code", cognito.awaitCode(email, 0))).status())
                .isEqualTo(200);

        assertThat(api.post("/auth/forgot-password", Map.of("email", email)).status()).isEqualTo(200);
        String code = cognito.awaitCode(email, 1);
        assertThat(api.post("/auth/reset-password", Map.of("email", email, "code", code, "newPassword", "Brand-New-Milk-9"))
                .status()).isEqualTo(200);

        assertThat(api.post("/auth/login", Map.of("email", email, "password", PASSWORD)).status()).isEqualTo(401);
        assertThat(api.post("/auth/login", Map.of("email", email, "password", "Brand-New-Milk-9")).status()).isEqualTo(200);
    }
}
