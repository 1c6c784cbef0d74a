package com.milkrun.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import com.milkrun.demo.DemoData;

import java.util.List;
import java.util.UUID;



import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A dairy lists a new product in the vendor portal, and a customer finds it in the shop with the stock it set. */
class VendorAddsProductBrowserTest extends ShopBrowserTest {
    private static final String VENDOR_EMAIL = "vendor@milkrun.dev";


    @Test
    void a_vendor_adds_a_product_and_sets_stock_then_a_customer_finds_it() {
        String name = "Saffron Lassi 300ml " + UUID.randomUUID().toString().substring(0, 6);

        // Ravi of Gir Organic Dairy adds a lassi with 10 bottles for tomorrow.
        browser.logIn(VENDOR_EMAIL, DemoData.PASSWORD, "Ravi Desai");
        browser.open("/vendor");
        browser.type("vendor-product-form", "name", name);
        browser.choose("vendor-product-form", "category", "beverages");
        browser.type("vendor-product-form", "unit", "300 ml");
        browser.type("vendor-product-form", "price", "45");
        browser.type("vendor-product-form", "description", "Chilled sweet lassi with Kashmiri saffron.");
        browser.type("vendor-product-form", "stock", "10");
        browser.submit("vendor-product-form");

        String productId = browser.until(d -> d.findElements(Browser.testId("vendor-product-row")).stream()
                .filter(r -> r.getText().contains(name)).findFirst().map(r -> r.getDomAttribute("data-product-id")).orElse(null));
        String row = "[data-testid='vendor-product-row'][data-product-id='" + productId + "'] ";
        By stock = By.cssSelector(row + "[data-testid='stock-input']");
        By available = By.cssSelector(row + "[data-testid='available']");
        browser.until(d -> "10".equals(d.findElement(stock).getDomProperty("value")));
        assertThat(browser.visible(available).getText().trim()).isEqualTo("10");

        // A busy morning is coming: he raises tomorrow's stock to 25.
        browser.replaceText(browser.visible(stock), "25");
        browser.click(browser.visible(By.cssSelector(row + "[data-testid='stock-save']")));
        browser.until(d -> d.findElement(available).getText().trim().equals("25"));
        browser.waitForText("Stock for " + name + " is now 25.");
        assertThat(browser.visible(stock).getDomProperty("value")).isEqualTo("25");
        browser.screenshot("VendorAddsProductBrowserTest.a_vendor_adds_a_product_and_sets_stock-vendor");
        browser.logOut();

        // Asha searches the shop for it, finds the card and opens the product page.
        browser.logIn(DemoData.CUSTOMER_EMAIL, DemoData.PASSWORD, "Asha Patel");
        browser.replaceText(browser.visible("search-input"), name);
        browser.until(d -> browser.all("product-card").stream()
                .map(c -> c.getDomAttribute("data-product-id")).toList().equals(List.of(productId)));
        WebElement card = browser.visible(By.cssSelector("[data-testid='product-card'][data-product-id='" + productId + "']"));
        assertThat(card.findElement(Browser.testId("product-name")).getText()).isEqualTo(name);
        browser.click(card.findElement(By.tagName("a")));
        browser.waitForPath("/products/" + productId);
        browser.waitForText(By.cssSelector(".product-detail .availability"), "25 available");
        assertThat(browser.visible(By.cssSelector(".product-detail__name")).getText()).isEqualTo(name);
        browser.screenshot("VendorAddsProductBrowserTest.a_vendor_adds_a_product_and_sets_stock_then_a_customer_finds_it");

        // The API tells the same story.
        JsonNode found = api.searchProducts(name);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("productId").asText()).isEqualTo(productId);
        assertThat(found.get(0).path("vendorId").asText()).isEqualTo("vendor-001");
        assertThat(found.get(0).path("price").decimalValue()).isEqualByComparingTo("45");
        assertThat(found.get(0).path("available").asInt()).isEqualTo(25);
    }
}
