package com.milkrun.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;


import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;



import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A new customer finds their way in through the web UI: sign up, verify with the mailed code, sign in, shop. */
class CustomerSignUpBrowserTest extends ShopBrowserTest {
    private static final String PASSWORD = "Fresh@Milk1";


    @Test
    void signs_up_verifies_with_the_mailbox_code_logs_in_and_searches() {
        String email = newEmail();

        // Asha fills in the sign-up form; the UI sends her on to verify her email.
        browser.open("/signup");
        browser.type("signup-form", "name", "Asha Patel");
        browser.type("signup-form", "email", email);
        browser.type("signup-form", "phone", "+919876543210");
        browser.type("signup-form", "password", PASSWORD);
        browser.submit("signup-form");
        browser.waitForPath("/verify");
        assertThat(browser.currentUrl()).contains("email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));

        // She reads the code from the dev mailbox (the local stand-in for her inbox) and enters it.
        String code = browser.latestMailboxCode(email);
        browser.open("/verify?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        assertThat(browser.field("verify-form", "email").getDomProperty("value")).isEqualTo(email);
        browser.type("verify-form", "code", code);
        browser.submit("verify-form");

        // Verified, she lands on sign-in with her email filled in, and signs in.
        browser.waitForPath("/login");
        assertThat(browser.field("login-form", "email").getDomProperty("value")).isEqualTo(email);
        browser.type("login-form", "email", email);
        browser.type("login-form", "password", PASSWORD);
        browser.submit("login-form");
        browser.waitForText(Browser.testId("user-menu"), "Asha Patel");

        // On the shop she searches for paneer and sees exactly what the catalog finds for it.
        browser.waitForPath("/");
        browser.replaceText(browser.visible("search-input"), "paneer");
        Map<String, String> paneer = productNamesById(api.searchProducts("paneer"));
        assertThat(paneer).containsValues("Fresh Paneer 200g", "Malai Paneer 500g");
        browser.until(d -> cardIds().equals(paneer.keySet()));
        List<String> shown = browser.all("product-name").stream().map(WebElement::getText).toList();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(paneer.values()).contains("Fresh Paneer 200g");
        assertThat(api.searchProducts("paneer")).allSatisfy(product -> assertThat(
                (product.path("name").asText() + " " + product.path("description").asText()).toLowerCase()).contains("paneer"));
        browser.screenshot("CustomerSignUpBrowserTest.signs_up_verifies_with_the_mailbox_code_logs_in_and_searches");

        // She signs out and is a visitor again.
        browser.logOut();
        assertThat(browser.all("user-menu")).isEmpty();
    }

    @Test
    void shows_field_errors_for_an_empty_sign_up_form() {
        browser.open("/signup");
        browser.submit("signup-form");

        browser.visible("field-error");
        Set<String> invalid = browser.driver().findElements(By.cssSelector("[data-testid='signup-form'] [aria-invalid='true']"))
                .stream().map(input -> input.getDomAttribute("name")).collect(Collectors.toSet());
        assertThat(invalid).contains("name", "email", "password");
        browser.waitForPath("/signup");
        browser.screenshot("CustomerSignUpBrowserTest.shows_field_errors_for_an_empty_sign_up_form");
    }

    @Test
    void rejects_a_wrong_verification_code_with_an_error() {
        String email = newEmail();
        browser.open("/signup");
        browser.type("signup-form", "name", "Ravi Shah");
        browser.type("signup-form", "email", email);
        browser.type("signup-form", "password", PASSWORD);
        browser.submit("signup-form");
        browser.waitForPath("/verify");

        browser.type("verify-form", "code", wrongCode(api.latestCode(email)));
        browser.submit("verify-form");

        WebElement error = browser.until(d -> d.findElements(By.cssSelector(
                "[data-testid='verify-form'] [data-testid='form-error'], [data-testid='verify-form'] [data-testid='field-error']"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(error.getText()).isNotBlank();
        browser.waitForPath("/verify");
        browser.screenshot("CustomerSignUpBrowserTest.rejects_a_wrong_verification_code_with_an_error");
    }

    private static Set<String> cardIds() {
        return browser.all("product-card").stream().map(card -> card.getDomAttribute("data-product-id")).collect(Collectors.toSet());
    }

    private static Map<String, String> productNamesById(JsonNode products) {
        Map<String, String> names = new HashMap<>();
        products.forEach(product -> names.put(product.path("productId").asText(), product.path("name").asText()));
        return names;
    }

    /** A code that is certainly not {@code real}: every digit moved by one. */
    private static String wrongCode(String real) {
        StringBuilder wrong = new StringBuilder();
        real.chars().forEach(digit -> wrong.append((char) ('0' + (digit - '0' + 1) % 10)));
        return wrong.toString();
    }

    private static String newEmail() {
        return "asha-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
