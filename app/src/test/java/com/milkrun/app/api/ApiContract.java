package com.milkrun.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.milkrun.demo.DemoData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour of the API, the same whichever runner serves it. Subclasses provide the transport: the router
 * itself, the local Jetty server over real HTTP, and the Lambda handler fed API Gateway events.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiContract {
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    protected ApiTransport transport;
    protected ApiClient api;

    /** Starts MilkRun with demo data behind the transport under test. */
    protected abstract ApiTransport startTransport() throws Exception;

    @BeforeAll
    void start() throws Exception {
        transport = startTransport();
        api = new ApiClient(transport::send);
    }

    @AfterAll
    void stop() {
        if (transport != null) {
            transport.close();
        }
    }

    // ---- helpers shared by subclasses ------------------------------------------------------------------

    protected String login(String email) {
        var answer = api.post("/auth/login", Map.of("email", email, "password", DemoData.PASSWORD));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.text("idToken");
    }

    protected String newEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    protected String latestCode(String email) {
        var mail = api.get("/dev/mailbox?email=" + email + "&limit=1");
        assertThat(mail.status()).isEqualTo(200);
        Matcher m = CODE.matcher(mail.json().get("items").get(0).get("body").asText());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** Registers, verifies and signs in a new customer; returns the ID token. */
    protected String newVerifiedCustomer(String email) {
        assertThat(api.post("/auth/register", Map.of("email", email, "password", "Fresh@Milk1", "name", "Test Customer")).status()).isEqualTo(200);
        assertThat(api.post("/auth/verify", Map.of("email", email, "code", latestCode(email))).status()).isEqualTo(200);
        var login = api.post("/auth/login", Map.of("email", email, "password", "Fresh@Milk1"));
        assertThat(login.status()).isEqualTo(200);
        return login.text("idToken");
    }

    // ---- public catalog ----------------------------------------------------------------------------------

    @Test
    void lists_the_demo_dairys_products_to_anyone_without_a_token() {
        var answer = api.get("/products?limit=100");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode milk = find(answer.json().get("items"), "productId", "prod-milk-500ml");
        assertThat(milk.get("name").asText()).isEqualTo("Organic Milk 500ml");
        assertThat(milk.get("price").decimalValue()).isEqualByComparingTo("50");
        assertThat(milk.get("vendorId").asText()).isEqualTo("vendor-001");
        assertThat(milk.get("available").asInt()).isEqualTo(50);
        assertThat(answer.json().get("count").asInt()).isEqualTo(answer.json().get("items").size());
    }

    @Test
    void pages_through_the_catalog_with_next_tokens_visiting_every_product_once() {
        Set<String> seen = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            var answer = api.get("/products?limit=5" + (token == null ? "" : "&nextToken=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8)));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().get("items").size()).isLessThanOrEqualTo(5);
            answer.json().get("items").forEach(p -> assertThat(seen.add(p.get("productId").asText())).isTrue());
            token = answer.json().has("nextToken") ? answer.text("nextToken") : null;
            pages++;
        } while (token != null && pages < 50);
        assertThat(seen).contains("prod-milk-500ml", "prod-yogurt-200g", "prod-milk-1l").doesNotContain("prod-himalayan-churpi-100g");
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void filters_by_text_category_vendor_and_pincode() {
        var paneer = api.get("/products?q=PANEER&limit=100").json().get("items");
        assertThat(paneer).isNotEmpty().allSatisfy(p -> assertThat((p.get("name").asText() + " " + p.get("description").asText())
                .toLowerCase()).contains("paneer"));
        assertThat(paneer).extracting(p -> p.get("productId").asText()).contains("prod-gir-paneer-200g", "prod-vrindavan-malai-paneer-500g");
        var cheese = api.get("/products?category=cheese&limit=100").json().get("items");
        assertThat(cheese).isNotEmpty().allSatisfy(p -> assertThat(p.get("category").asText()).isEqualTo("cheese"));
        var vendor = api.get("/products?vendorId=vendor-001&limit=100").json().get("items");
        assertThat(vendor).hasSize(6).allSatisfy(p -> assertThat(p.get("vendorId").asText()).isEqualTo("vendor-001"));
        var vadodara = api.get("/products?pincode=390001&limit=100").json().get("items");
        assertThat(vadodara).isNotEmpty().noneSatisfy(p -> assertThat(p.get("vendorId").asText()).isEqualTo("vendor-kaveri"));
        assertThat(api.get("/products?pincode=110001").json().get("items")).isEmpty();
    }

    @Test
    void rejects_bad_catalog_filters_with_field_errors() {
        var answer = api.get("/products?pincode=12&category=chocolate&vendorId=v-1&limit=0");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.error()).isEqualTo("ValidationError");
        assertThat(api.get("/products?limit=abc").status()).isEqualTo(400);
        assertThat(api.get("/products?nextToken=not-a-token").error()).isEqualTo("InvalidNextToken");
    }

    @Test
    void shows_a_product_page_and_hides_unlisted_products() {
        var milk = api.get("/products/prod-milk-1l");
        assertThat(milk.status()).isEqualTo(200);
        assertThat(milk.json().get("available").asInt()).isEqualTo(5);
        assertThat(milk.json().get("vendorName").asText()).isEqualTo("Gir Organic Dairy");
        var pending = api.get("/products/prod-himalayan-churpi-100g");
        assertThat(pending.status()).isEqualTo(404);
        assertThat(pending.json().get("message").asText()).isEqualTo("Product not found");
        assertThat(api.get("/products/prod-nope").status()).isEqualTo(404);
    }

    @Test
    void lists_categories_and_approved_vendors() {
        assertThat(api.get("/categories").json().get("items")).hasSize(10);
        var vendors = api.get("/vendors?limit=100").json().get("items");
        assertThat(vendors).extracting(v -> v.get("vendorId").asText()).contains("vendor-001").doesNotContain("vendor-himalayan");
        assertThat(api.get("/vendors/vendor-himalayan").status()).isEqualTo(404);
        assertThat(api.get("/vendors/vendor-001").json().get("name").asText()).isEqualTo("Gir Organic Dairy");
        assertThat(api.get("/vendors?pincode=560034").json().get("items")).extracting(v -> v.get("vendorId").asText())
                .containsExactly("vendor-kaveri");
    }

    // ---- accounts ---------------------------------------------------------------------------------------

    @Test
    void registers_verifies_and_signs_in_a_new_customer() {
        String email = newEmail();
        var register = api.post("/auth/register", Map.of("email", email, "password", "SecurePass123!", "name", "New User", "phone", "+919812345678"));
        assertThat(register.status()).isEqualTo(200);
        assertThat(register.json().get("emailVerificationRequired").asBoolean()).isTrue();
        assertThat(register.text("userId")).startsWith("user-");
        assertThat(register.text("message")).isEqualTo("Registration successful. Please check your email to verify your account.");

        var early = api.post("/auth/login", Map.of("email", email, "password", "SecurePass123!"));
        assertThat(early.status()).isEqualTo(403);
        assertThat(early.error()).isEqualTo("EmailNotVerified");
        assertThat(early.text("message")).isEqualTo("Please verify your email before logging in");

        var wrong = api.post("/auth/verify", Map.of("email", email, "code", "000000".equals(latestCode(email)) ? "111111" : "000000"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.error()).isEqualTo("InvalidCode");
        assertThat(wrong.text("message")).isEqualTo("Invalid verification code");

        var verify = api.post("/auth/verify", Map.of("email", email, "code", latestCode(email)));
        assertThat(verify.status()).isEqualTo(200);
        assertThat(verify.text("message")).isEqualTo("Email verified successfully. You can now login.");

        var login = api.post("/auth/login", Map.of("email", email.toUpperCase(), "password", "SecurePass123!"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("expiresIn").asInt()).isEqualTo(3600);
        assertThat(login.text("tokenType")).isEqualTo("Bearer");
        assertThat(login.json().get("user").get("email").asText()).isEqualTo(email);
        assertThat(login.json().get("user").get("role").asText()).isEqualTo("Customer");

        var me = api.get("/users/me", login.text("idToken"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("emailVerified").asBoolean()).isTrue();
        assertThat(me.json().get("isProfileComplete").asBoolean()).isFalse();
        assertThat(me.json().get("missingFields")).extracting(JsonNode::asText).containsExactly("address");
    }

    @Test
    void answers_the_documented_errors_for_registration() {
        var missing = api.post("/auth/register", Map.of("email", newEmail()));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error()).isEqualTo("ValidationError");
        assertThat(missing.text("message")).isEqualTo("Email, password, and name are required");

        var weak = api.post("/auth/register", Map.of("email", newEmail(), "password", "password123", "name", "Weak"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.error()).isEqualTo("InvalidPassword");

        var duplicate = api.post("/auth/register", Map.of("email", DemoData.CUSTOMER_EMAIL, "password", "SecurePass123!", "name", "Again"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.error()).isEqualTo("UserExists");
        assertThat(duplicate.text("message")).isEqualTo("User with this email already exists");
    }

    @Test
    void slows_down_wrong_passwords_for_one_account() {
        String email = newEmail();
        newVerifiedCustomer(email);
        ApiClient guesser = api;
        for (int i = 0; i < 5; i++) {
            var bad = guesser.post("/auth/login", Map.of("email", email, "password", "Wrong@Pass1"));
            assertThat(bad.status()).isEqualTo(401);
            assertThat(bad.error()).isEqualTo("InvalidCredentials");
            assertThat(bad.text("message")).isEqualTo("Invalid email or password");
        }
        // From here each wrong password doubles the wait (1 s, 2 s, 4 s...): however slow this machine, the guesser
        // soon has to wait. (RateLimitsTest shows that the owner, from another address, is not slowed.)
        ApiClient.Answer slowed = null;
        for (int i = 0; i < 12 && slowed == null; i++) {
            var answer = guesser.post("/auth/login", Map.of("email", email, "password", "Wrong@Pass1"));
            if (answer.status() == 429) {
                slowed = answer;
            }
        }
        assertThat(slowed).isNotNull();
        assertThat(slowed.error()).isEqualTo("TooManyAttempts");
        assertThat(Integer.parseInt(slowed.header("Retry-After"))).isPositive();
        assertThat(api.post("/auth/login", Map.of("email", "nobody-" + email, "password", "Wrong@Pass1")).status()).isEqualTo(401);
    }

    @Test
    void rotates_refresh_tokens_and_revokes_the_family_on_reuse_and_logout() {
        String email = newEmail();
        newVerifiedCustomer(email);
        var login = api.post("/auth/login", Map.of("email", email, "password", "Fresh@Milk1"));
        String first = login.text("refreshToken");

        var refreshed = api.post("/auth/refresh", Map.of("refreshToken", first));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get("expiresIn").asInt()).isEqualTo(3600);
        String second = refreshed.text("refreshToken");
        assertThat(second).isNotEqualTo(first);
        assertThat(api.get("/users/me", refreshed.text("idToken")).status()).isEqualTo(200);

        var reuse = api.post("/auth/refresh", Map.of("refreshToken", first));
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.error()).isEqualTo("InvalidRefreshToken");
        assertThat(reuse.text("message")).isEqualTo("Invalid or expired refresh token. Please login again.");
        assertThat(api.post("/auth/refresh", Map.of("refreshToken", second)).status()).as("family revoked").isEqualTo(401);

        String third = api.post("/auth/login", Map.of("email", email, "password", "Fresh@Milk1")).text("refreshToken");
        assertThat(api.post("/auth/logout", Map.of("refreshToken", third)).status()).isEqualTo(200);
        assertThat(api.post("/auth/refresh", Map.of("refreshToken", third)).status()).isEqualTo(401);
    }

    @Test
    void keeps_the_refresh_token_in_an_http_only_cookie_when_the_web_ui_asks() {
        String email = newEmail();
        newVerifiedCustomer(email);
        var login = cookieCall("/auth/login", Map.of("email", email, "password", "Fresh@Milk1"), null);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().has("refreshToken")).as("out of reach of page scripts").isFalse();
        assertThat(login.text("idToken")).isNotBlank();
        String cookie = login.header("Set-Cookie");
        assertThat(cookie).startsWith("milkrun_refresh=").contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/auth",
                "Max-Age=2592000");
        String first = cookie.substring("milkrun_refresh=".length(), cookie.indexOf(';'));

        var refreshed = cookieCall("/auth/refresh", Map.of(), first);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().has("refreshToken")).isFalse();
        assertThat(api.get("/users/me", refreshed.text("idToken")).status()).isEqualTo(200);
        String rotated = refreshed.header("Set-Cookie");
        String second = rotated.substring("milkrun_refresh=".length(), rotated.indexOf(';'));
        assertThat(second).isNotEqualTo(first);

        assertThat(cookieCall("/auth/refresh", Map.of(), first).status()).as("a spent cookie").isEqualTo(401);
        assertThat(cookieCall("/auth/refresh", Map.of(), second).status()).as("its family is revoked").isEqualTo(401);

        String third = cookieOf(cookieCall("/auth/login", Map.of("email", email, "password", "Fresh@Milk1"), null));
        var logout = cookieCall("/auth/logout", Map.of(), third);
        assertThat(logout.status()).isEqualTo(200);
        assertThat(logout.header("Set-Cookie")).startsWith("milkrun_refresh=;").contains("Max-Age=0");
        assertThat(cookieCall("/auth/refresh", Map.of(), third).status()).isEqualTo(401);
        assertThat(cookieCall("/auth/refresh", Map.of(), null).error()).as("no cookie, no token").isEqualTo("ValidationError");
    }

    private ApiClient.Answer cookieCall(String path, Map<String, ?> body, String refreshCookie) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-MilkRun-Refresh", "cookie");
        if (refreshCookie != null) {
            headers.put("Cookie", "theme=dark; milkrun_refresh=" + refreshCookie);
        }
        return api.send(ApiClient.request("POST", path, headers, com.milkrun.http.Json.write(body)));
    }

    private static String cookieOf(ApiClient.Answer answer) {
        String cookie = answer.header("Set-Cookie");
        return cookie.substring("milkrun_refresh=".length(), cookie.indexOf(';'));
    }

    @Test
    void resets_a_forgotten_password_with_the_emailed_code() {
        String email = newEmail();
        newVerifiedCustomer(email);
        assertThat(api.post("/auth/forgot-password", Map.of("email", email)).status()).isEqualTo(200);
        assertThat(api.post("/auth/forgot-password", Map.of("email", "unknown-" + email)).status()).isEqualTo(200);
        String code = latestCode(email);
        assertThat(api.post("/auth/reset-password", Map.of("email", email, "code", code, "newPassword", "weak")).error())
                .isEqualTo("InvalidPassword");
        assertThat(api.post("/auth/reset-password", Map.of("email", email, "code", code, "newPassword", "Brand@New2")).status()).isEqualTo(200);
        assertThat(api.post("/auth/login", Map.of("email", email, "password", "Fresh@Milk1")).status()).isEqualTo(401);
        assertThat(api.post("/auth/login", Map.of("email", email, "password", "Brand@New2")).status()).isEqualTo(200);
        assertThat(api.post("/auth/reset-password", Map.of("email", email, "code", code, "newPassword", "Other@New3")).error())
                .isEqualTo("InvalidCode");
    }

    @Test
    void keeps_a_profile_and_addresses_and_reports_completeness() {
        String token = newVerifiedCustomer(newEmail());
        var updated = api.put("/users/me", Map.of("name", "Meena Shah", "phone", "+919800011122"), token);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("name")).isEqualTo("Meena Shah");

        var bad = api.post("/users/me/addresses", Map.of("line1", "", "city", "Vadodara", "state", "Gujarat", "zipCode", "39000"), token);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asText()).contains("line1", "zipCode");

        var home = api.post("/users/me/addresses", Map.of("label", "Home", "line1", "12 Alkapuri Society", "city", "Vadodara",
                "state", "Gujarat", "zipCode", "390007"), token);
        assertThat(home.status()).isEqualTo(201);
        assertThat(home.text("addressId")).startsWith("addr-");
        assertThat(home.json().get("isDefault").asBoolean()).isTrue();
        var work = api.post("/users/me/addresses", Map.of("label", "Office", "line1", "4 Race Course Road", "city", "Vadodara",
                "state", "Gujarat", "zipCode", "390005", "isDefault", true), token);
        assertThat(work.status()).isEqualTo(201);

        var list = api.get("/users/me/addresses", token).json().get("items");
        assertThat(list).hasSize(2);
        assertThat(list).filteredOn(a -> a.get("isDefault").asBoolean()).extracting(a -> a.get("label").asText()).containsExactly("Office");

        String homeId = home.text("addressId");
        var edited = api.put("/users/me/addresses/" + homeId, Map.of("label", "Home", "line1", "14 Alkapuri Society",
                "city", "Vadodara", "state", "Gujarat", "zipCode", "390007"), token);
        assertThat(edited.text("line1")).isEqualTo("14 Alkapuri Society");
        assertThat(api.delete("/users/me/addresses/" + homeId, token).status()).isEqualTo(204);
        assertThat(api.get("/users/me/addresses/" + homeId, token).status()).isEqualTo(404);

        var me = api.get("/users/me", token).json();
        assertThat(me.get("isProfileComplete").asBoolean()).isTrue();
        assertThat(me.get("missingFields")).isEmpty();
    }

    @Test
    void answers_404_for_someone_elses_address() {
        String asha = login(DemoData.CUSTOMER_EMAIL);
        assertThat(api.get("/users/me/addresses/addr-home", asha).status()).isEqualTo(200);
        String other = newVerifiedCustomer(newEmail());
        assertThat(api.get("/users/me/addresses/addr-home", other).status()).isEqualTo(404);
        assertThat(api.delete("/users/me/addresses/addr-home", other).status()).isEqualTo(404);
    }

    // ---- roles, vendor portal and administration ---------------------------------------------------------

    @Test
    void a_new_vendor_is_listed_only_after_an_admin_approves_it() {
        String admin = login(DemoData.ADMIN_EMAIL);
        String email = newEmail();
        newVerifiedCustomer(email);
        String userId = api.get("/admin/users?q=" + email, admin).json().get("items").get(0).get("userId").asText();

        String customerToken = api.post("/auth/login", Map.of("email", email, "password", "Fresh@Milk1")).text("idToken");
        assertThat(api.get("/vendor/profile", customerToken).status()).isEqualTo(403);

        var promoted = api.put("/admin/users/" + userId + "/role", Map.of("role", "Vendor"), admin);
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(promoted.text("role")).isEqualTo("Vendor");
        String vendor = customerToken;

        assertThat(api.get("/vendor/profile", vendor).status()).isEqualTo(404);
        assertThat(api.post("/vendor/products", product("Camel Milk 500ml"), vendor).error()).isEqualTo("VendorProfileRequired");

        var profile = api.put("/vendor/profile", Map.of("name", "Kutch Camel Dairy", "contactEmail", email,
                "contactPhone", "+919811122233", "pincodes", List.of("390001", "390002")), vendor);
        assertThat(profile.status()).isEqualTo(201);
        assertThat(profile.text("status")).isEqualTo("Pending");
        String vendorId = profile.text("vendorId");

        var added = api.post("/vendor/products", product("Camel Milk 500ml"), vendor);
        assertThat(added.status()).isEqualTo(201);
        String productId = added.text("productId");
        assertThat(productId).startsWith("prod-");
        assertThat(added.json().get("stock").asInt()).isEqualTo(12);
        assertThat(api.get("/products/" + productId).status()).isEqualTo(404);

        var approved = api.post("/admin/vendors/" + vendorId + "/approve", null, admin);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("Approved");
        assertThat(api.get("/products?q=camel").json().get("items")).extracting(p -> p.get("productId").asText()).containsExactly(productId);

        var stock = api.put("/vendor/products/" + productId + "/stock", Map.of("stock", 30), vendor);
        assertThat(stock.status()).isEqualTo(200);
        assertThat(stock.json().get("available").asInt()).isEqualTo(30);
        assertThat(api.get("/products/" + productId).json().get("available").asInt()).isEqualTo(30);

        var deactivated = api.put("/vendor/products/" + productId, Map.of("active", false), vendor);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        assertThat(api.get("/products/" + productId).status()).isEqualTo(404);
        assertThat(api.get("/vendor/products", vendor).json().get("items")).hasSize(1);

        assertThat(api.post("/admin/vendors/" + vendorId + "/disable", null, admin).text("status")).isEqualTo("Disabled");
        assertThat(api.post("/vendor/products", product("Camel Ghee"), vendor).error()).isEqualTo("VendorDisabled");
        assertThat(api.put("/vendor/products/" + productId + "/stock", Map.of("stock", 1), vendor).error()).isEqualTo("VendorDisabled");
        assertThat(api.put("/vendor/products/" + productId, Map.of("active", true), vendor).error()).isEqualTo("VendorDisabled");
        assertThat(api.get("/vendor/products/" + productId, vendor).status()).isEqualTo(200);
    }

    @Test
    void vendors_cannot_see_or_change_each_others_products() {
        String gir = login("vendor@milkrun.dev");
        String kaveri = login("kaveri@milkrun.dev");
        assertThat(api.get("/vendor/products/prod-milk-500ml", gir).status()).isEqualTo(200);
        assertThat(api.get("/vendor/products/prod-milk-500ml", kaveri).status()).isEqualTo(404);
        assertThat(api.put("/vendor/products/prod-milk-500ml", Map.of("price", 1), kaveri).status()).isEqualTo(404);
        assertThat(api.put("/vendor/products/prod-milk-500ml/stock", Map.of("stock", 0), kaveri).status()).isEqualTo(404);
        assertThat(api.get("/products/prod-milk-500ml").json().get("price").decimalValue()).isEqualByComparingTo("50");
    }

    @Test
    void validates_products_field_by_field() {
        String gir = login("vendor@milkrun.dev");
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("name", "");
        bad.put("category", "chocolate");
        bad.put("unit", "");
        bad.put("price", -5);
        bad.put("stock", -1);
        var answer = api.post("/vendor/products", bad, gir);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("errors")).extracting(e -> e.get("field").asText())
                .contains("name", "category", "unit", "price", "stock");
        var fractional = api.put("/vendor/products/prod-milk-500ml/stock", Map.of("stock", 2.5), gir);
        assertThat(fractional.status()).isEqualTo(400);
        assertThat(fractional.json().get("errors").get(0).get("code").asText()).isEqualTo("NON_INTEGER");
    }

    @Test
    void enforces_roles_on_the_back_office() {
        String customer = login(DemoData.CUSTOMER_EMAIL);
        var forbidden = api.get("/admin/users", customer);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.error()).isEqualTo("Forbidden");
        assertThat(forbidden.text("message")).isEqualTo("You do not have permission to access this resource");

        String manager = login("manager@milkrun.dev");
        assertThat(api.get("/admin/vendors", manager).status()).isEqualTo(200);
        assertThat(api.get("/admin/products?vendorId=vendor-himalayan", manager).json().get("items")).hasSize(2);
        assertThat(api.get("/admin/users", manager).status()).isEqualTo(403);
        assertThat(api.post("/admin/vendors/vendor-himalayan/approve", null, manager).status()).isEqualTo(403);

        String admin = login(DemoData.ADMIN_EMAIL);
        var users = api.get("/admin/users?role=Vendor&limit=100", admin);
        assertThat(users.json().get("items")).allSatisfy(u -> assertThat(u.get("role").asText()).isEqualTo("Vendor"));
        String adminId = api.get("/users/me", admin).text("userId");
        assertThat(api.put("/admin/users/" + adminId + "/role", Map.of("role", "Customer"), admin).status()).isEqualTo(409);
        assertThat(api.put("/admin/users/user-nope/role", Map.of("role", "Customer"), admin).status()).isEqualTo(404);
        assertThat(api.put("/admin/users/" + adminId + "/role", Map.of("role", "Emperor"), admin).status()).isEqualTo(400);
    }

    @Test
    void a_disabled_user_is_signed_out_at_once() {
        String admin = login(DemoData.ADMIN_EMAIL);
        String email = newEmail();
        String token = newVerifiedCustomer(email);
        String refresh = api.post("/auth/login", Map.of("email", email, "password", "Fresh@Milk1")).text("refreshToken");
        String userId = api.get("/users/me", token).text("userId");
        assertThat(api.post("/admin/users/" + userId + "/disable", null, admin).json().get("disabled").asBoolean()).isTrue();
        assertThat(api.get("/users/me", token).error()).isEqualTo("AccountDisabled");
        assertThat(api.post("/auth/refresh", Map.of("refreshToken", refresh)).status()).isEqualTo(401);
        assertThat(api.post("/auth/login", Map.of("email", email, "password", "Fresh@Milk1")).error()).isEqualTo("AccountDisabled");
        assertThat(api.post("/admin/users/" + userId + "/enable", null, admin).json().get("disabled").asBoolean()).isFalse();
        assertThat(api.post("/auth/login", Map.of("email", email, "password", "Fresh@Milk1")).status()).isEqualTo(200);
    }

    // ---- disabled means disabled ------------------------------------------------------------------------

    @Test
    void a_disabled_vendor_cannot_change_its_public_profile_and_nothing_changes() {
        String admin = login(DemoData.ADMIN_EMAIL);
        Dairy dairy = newApprovedDairy(admin, "Banni Buffalo Dairy");
        assertThat(api.post("/admin/vendors/" + dairy.vendorId() + "/disable", null, admin).text("status")).isEqualTo("Disabled");

        var refused = api.put("/vendor/profile", Map.of("name", "Banni Buffalo Dairy Reborn", "contactEmail", dairy.email(),
                "contactPhone", "+919811122233", "pincodes", List.of("390001")), dairy.token());

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error()).isEqualTo("VendorDisabled");
        var profile = api.get("/vendor/profile", dairy.token());
        assertThat(profile.text("name")).isEqualTo("Banni Buffalo Dairy");
        assertThat(profile.text("status")).isEqualTo("Disabled");
    }

    @Test
    void demoting_a_vendor_owner_disables_the_vendor_and_promoting_them_again_does_not_approve_it() {
        String admin = login(DemoData.ADMIN_EMAIL);
        Dairy dairy = newApprovedDairy(admin, "Sabar Cow Dairy");
        String asha = login(DemoData.CUSTOMER_EMAIL);
        assertThat(quote(asha, dairy).status()).isEqualTo(200);

        assertThat(api.put("/admin/users/" + dairy.userId() + "/role", Map.of("role", "Customer"), admin).status()).isEqualTo(200);

        assertThat(vendorStatus(admin, dairy)).isEqualTo("Disabled");
        assertThat(api.get("/vendors/" + dairy.vendorId()).status()).isEqualTo(404);
        assertThat(api.get("/products/" + dairy.productId()).status()).isEqualTo(404);
        assertThat(quote(asha, dairy).status()).isBetween(400, 499);

        assertThat(api.put("/admin/users/" + dairy.userId() + "/role", Map.of("role", "Vendor"), admin).status()).isEqualTo(200);
        assertThat(vendorStatus(admin, dairy)).isEqualTo("Disabled");
        assertThat(api.put("/vendor/products/" + dairy.productId() + "/stock", Map.of("stock", 5), dairy.token()).error())
                .isEqualTo("VendorDisabled");

        assertThat(api.post("/admin/vendors/" + dairy.vendorId() + "/approve", null, admin).text("status")).isEqualTo("Approved");
        assertThat(quote(asha, dairy).status()).isEqualTo(200);
    }

    @Test
    void disabling_a_vendor_owner_disables_the_vendor_and_enabling_them_again_does_not_approve_it() {
        String admin = login(DemoData.ADMIN_EMAIL);
        Dairy dairy = newApprovedDairy(admin, "Mehsana Goat Dairy");

        assertThat(api.post("/admin/users/" + dairy.userId() + "/disable", null, admin).status()).isEqualTo(200);

        assertThat(vendorStatus(admin, dairy)).isEqualTo("Disabled");
        assertThat(api.get("/products/" + dairy.productId()).status()).isEqualTo(404);

        assertThat(api.post("/admin/users/" + dairy.userId() + "/enable", null, admin).status()).isEqualTo(200);
        assertThat(vendorStatus(admin, dairy)).isEqualTo("Disabled");
        assertThat(api.get("/vendors/" + dairy.vendorId()).status()).isEqualTo(404);
    }

    /** A new user promoted to Vendor, with an approved dairy delivering to Asha's home and one product in stock. */
    private Dairy newApprovedDairy(String admin, String name) {
        String email = newEmail();
        String token = newVerifiedCustomer(email);
        String userId = api.get("/users/me", token).text("userId");
        assertThat(api.put("/admin/users/" + userId + "/role", Map.of("role", "Vendor"), admin).status()).isEqualTo(200);
        var profile = api.put("/vendor/profile", Map.of("name", name, "contactEmail", email, "contactPhone", "+919811122233",
                "pincodes", List.of("390001", "390002")), token);
        assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
        String vendorId = profile.text("vendorId");
        String productId = api.post("/vendor/products", product(name + " Milk 500ml"), token).text("productId");
        assertThat(api.post("/admin/vendors/" + vendorId + "/approve", null, admin).text("status")).isEqualTo("Approved");
        return new Dairy(email, userId, token, vendorId, productId);
    }

    private String vendorStatus(String admin, Dairy dairy) {
        var all = api.get("/admin/vendors?limit=100", admin).json().get("items");
        for (JsonNode vendor : all) {
            if (vendor.get("vendorId").asText().equals(dairy.vendorId())) {
                return vendor.get("status").asText();
            }
        }
        throw new AssertionError("vendor " + dairy.vendorId() + " is not in the back office's list");
    }

    /** Quotes one unit of the dairy's product to Asha's home two days from now (always inside the ordering window). */
    private ApiClient.Answer quote(String customer, Dairy dairy) {
        Map<String, Object> item = Map.of("productId", dairy.productId(), "vendorId", dairy.vendorId(), "quantity", 1);
        String date = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Kolkata")).plusDays(2).toString();
        return api.post("/orders/quote", Map.of("items", List.of(item), "deliveryDate", date, "addressId", "addr-home"), customer);
    }

    private record Dairy(String email, String userId, String token, String vendorId, String productId) {
    }

    // ---- tokens -----------------------------------------------------------------------------------------

    @Test
    void refuses_missing_forged_expired_and_misaddressed_tokens() {
        assertThat(api.get("/users/me").status()).isEqualTo(401);
        assertThat(api.get("/users/me").error()).isEqualTo("Unauthorized");
        String good = login(DemoData.CUSTOMER_EMAIL);
        List<String> bad = new ArrayList<>(BadTokens.variantsOf(good, transport.app()));
        bad.add("not-a-jwt");
        bad.add("");
        for (String token : bad) {
            var answer = api.get("/users/me", token);
            assertThat(answer.status()).as("token %s", token).isEqualTo(401);
            assertThat(answer.error()).isEqualTo("Unauthorized");
        }
        var accessToken = api.post("/auth/login", Map.of("email", DemoData.CUSTOMER_EMAIL, "password", DemoData.PASSWORD)).text("accessToken");
        assertThat(api.get("/users/me", accessToken).status()).as("access tokens are not accepted").isEqualTo(401);
        assertThat(api.send("GET", "/users/me", null, null).header("WWW-Authenticate")).isEqualTo("Bearer");
    }

    @Test
    void publishes_the_signing_key_without_its_private_part() {
        var jwks = api.get("/.well-known/jwks.json");
        assertThat(jwks.status()).isEqualTo(200);
        JsonNode key = jwks.json().get("keys").get(0);
        assertThat(key.get("kty").asText()).isEqualTo("RSA");
        assertThat(key.has("d")).isFalse();
    }

    // ---- the edge ---------------------------------------------------------------------------------------

    @Test
    void answers_unknown_routes_and_wrong_methods_in_the_envelope() {
        var unknown = api.get("/no/such/thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.error()).isEqualTo("NotFound");
        var method = api.send("DELETE", "/products", null, null);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.error()).isEqualTo("MethodNotAllowed");
        assertThat(method.header("Allow")).contains("GET");
    }

    @Test
    void answers_malformed_json_and_wrong_media_types() {
        var broken = api.send("POST", "/auth/login", "{\"email\": ", null);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.error()).isEqualTo("InvalidJson");
        assertThat(api.send("POST", "/auth/login", "[1,2]", null).error()).isEqualTo("InvalidJson");
        var types = api.post("/auth/login", Map.of("email", 42, "password", List.of()));
        assertThat(types.status()).isEqualTo(400);
        assertThat(types.json().get("errors")).extracting(e -> e.get("code").asText()).containsOnly("INVALID_TYPE");
        var form = api.send(ApiClient.request("POST", "/auth/login", Map.of("Content-Type", "text/plain"), "hello".getBytes()));
        assertThat(form.status()).isEqualTo(415);
    }

    @Test
    void answers_oversized_bodies_with_413() {
        String big = "{\"email\":\"" + "x".repeat(70_000) + "\"}";
        var answer = api.send("POST", "/auth/register", big, null);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.error()).isEqualTo("PayloadTooLarge");
    }

    @Test
    void reports_health() {
        var health = api.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("ok");
        assertThat(health.text("database")).isEqualTo("ok");
    }

    private static Map<String, Object> product(String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("category", "milk");
        p.put("unit", "500 ml");
        p.put("price", 120);
        p.put("description", "Fresh from Kutch");
        p.put("stock", 12);
        return p;
    }

    protected static JsonNode find(JsonNode items, String field, String value) {
        for (JsonNode item : items) {
            if (item.get(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no item with " + field + "=" + value + " in " + items);
    }
}
