package com.milkrun.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import com.milkrun.demo.DemoData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;



import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A customer fills a cart from two dairies, checks out, finds the order, cancels it, and the stock comes back. */
class CheckoutBrowserTest extends ShopBrowserTest {
    private static final String ORGANIC_MILK = "prod-milk-500ml";
    private static final String TONED_MILK = "prod-vrindavan-toned-milk-500ml";
    private static final String ORGANIC_MILK_1L = "prod-milk-1l";


    @Test
    void a_customer_orders_from_two_dairies_sees_the_order_cancels_it_and_the_stock_is_back() {
        int organicBefore = api.available(ORGANIC_MILK);
        int tonedBefore = api.available(TONED_MILK);
        assertThat(organicBefore).isGreaterThanOrEqualTo(2);
        assertThat(tonedBefore).isGreaterThanOrEqualTo(3);

        // Asha fills her cart in the shop: two bottles from Gir Organic Dairy, three from Vrindavan Gaushala.
        browser.logIn(DemoData.CUSTOMER_EMAIL, DemoData.PASSWORD, "Asha Patel");
        addFromShop("Organic Milk 500ml", ORGANIC_MILK, 2);
        addFromShop("Toned Milk 500ml", TONED_MILK, 3);
        browser.until(d -> d.findElement(Browser.testId("cart-count")).getText().trim().equals("5"));

        // The cart shows one group per dairy, each with its line.
        browser.click(browser.visible("cart-link"));
        browser.waitForPath("/cart");
        browser.until(d -> vendorGroups().equals(Set.of("vendor-001", "vendor-vrindavan")));
        assertThat(lineIn("vendor-001", ORGANIC_MILK).findElement(Browser.testId("quantity-input")).getDomProperty("value"))
                .isEqualTo("2");
        assertThat(lineIn("vendor-vrindavan", TONED_MILK).findElement(Browser.testId("quantity-input")).getDomProperty("value"))
                .isEqualTo("3");
        browser.screenshot("CheckoutBrowserTest.a_customer_orders_from_two_dairies-cart");

        // At checkout she picks her home address and the first morning offered; the server prices the order.
        browser.click(browser.visible("checkout-button"));
        browser.waitForPath("/checkout");
        WebElement home = browser.visible(By.cssSelector("[data-testid='address-option'][value='addr-home']"));
        browser.click(home);
        browser.until(d -> home.isSelected());
        WebElement firstDate = browser.visible("delivery-date-option");
        String deliveryDate = firstDate.getDomAttribute("data-date");
        browser.click(firstDate);
        browser.until(d -> firstDate.isSelected());
        // 2 × ₹50 + 3 × ₹28 = ₹184; 5% GST ₹9.20; delivery ₹40 + ₹10 for the second dairy; ₹243.20 in all.
        browser.waitForText(Browser.testId("price-total"), "243.2");
        assertThat(breakdown()).containsEntry("Items total", "₹184")
                .containsEntry("CGST (2.5%)", "₹4.60")
                .containsEntry("SGST (2.5%)", "₹4.60")
                .containsEntry("Delivery", "₹40")
                .containsEntry("Multi-vendor surcharge", "₹10")
                .containsEntry("Total", "₹243.20");
        browser.screenshot("CheckoutBrowserTest.a_customer_orders_from_two_dairies-checkout");

        // She places it and lands on the order, pending, with its id; the cart is empty again.
        browser.click(browser.visible("place-order"));
        browser.waitForToast("Order placed!");
        String orderId = browser.until(d -> d.findElements(Browser.testId("order-id")).stream()
                .map(id -> id.getText().trim()).filter(id -> !id.isEmpty()).findFirst().orElse(null));
        browser.waitForPath("/orders/" + orderId);
        // The order workflow confirms it moments later; the page follows without a reload.
        browser.until(d -> d.findElement(Browser.testId("order-status")).getText().trim().equals("Confirmed"));
        assertThat(browser.visible("cart-count").getText().trim()).isEqualTo("0");
        browser.screenshot("CheckoutBrowserTest.a_customer_orders_from_two_dairies-placed");

        // Behind the UI: the order is hers as priced, and its bottles are held back from the shop.
        String token = api.logIn(DemoData.CUSTOMER_EMAIL, DemoData.PASSWORD);
        JsonNode order = api.get("/orders/" + orderId, token);
        assertThat(order.path("status").asText()).isEqualTo("Confirmed");
        assertThat(order.path("totalAmount").decimalValue()).isEqualByComparingTo("243.2");
        assertThat(order.path("deliveryDate").asText()).isEqualTo(deliveryDate);
        assertThat(order.path("deliveryAddress").path("addressId").asText()).isEqualTo("addr-home");
        assertThat(api.available(ORGANIC_MILK)).isEqualTo(organicBefore - 2);
        assertThat(api.available(TONED_MILK)).isEqualTo(tonedBefore - 3);

        // She changes her mind and cancels it.
        browser.click(browser.visible("cancel-order"));
        browser.click(browser.visible("confirm-cancel"));
        browser.waitForToast("Your order is cancelled.");
        browser.until(d -> d.findElement(Browser.testId("order-status")).getText().trim().equals("Cancelled"));
        browser.until(d -> d.findElements(Browser.testId("cancel-order")).isEmpty());
        browser.screenshot("CheckoutBrowserTest.a_customer_orders_from_two_dairies-cancelled");

        // The bottles are back on sale, and the order is cancelled on the server too.
        assertThat(api.available(ORGANIC_MILK)).isEqualTo(organicBefore);
        assertThat(api.available(TONED_MILK)).isEqualTo(tonedBefore);
        assertThat(api.get("/orders/" + orderId, token).path("status").asText()).isEqualTo("Cancelled");

        // Her order history lists it, cancelled.
        browser.click(browser.visible(By.cssSelector(".breadcrumbs a[href='/orders']")));
        browser.waitForPath("/orders");
        By row = By.cssSelector("[data-testid='order-row'][data-order-id='" + orderId + "']");
        browser.visible(row);
        browser.until(d -> d.findElement(row).findElement(Browser.testId("order-status")).getText().trim().equals("Cancelled"));
        browser.screenshot("CheckoutBrowserTest.a_customer_orders_from_two_dairies_sees_the_order_cancels_it_and_the_stock_is_back");
    }

    @Test
    void ordering_more_than_is_in_stock_shows_the_shortage_beside_the_cart_line() {
        assertThat(api.available(ORGANIC_MILK_1L)).isEqualTo(5);

        // Asha wants six of the family bottles; only five are left. (Quotes do not check stock: placing does.)
        browser.logIn(DemoData.CUSTOMER_EMAIL, DemoData.PASSWORD, "Asha Patel");
        browser.open("/products/" + ORGANIC_MILK_1L);
        browser.waitForText(By.cssSelector(".product-detail .availability"), "5 available");
        browser.replaceText(browser.visible(By.cssSelector(".product-detail [data-testid='quantity-input']")), "6");
        browser.click(browser.visible(By.cssSelector(".product-detail [data-testid='add-to-cart']")));
        browser.waitForToast("Added 6 × Organic Milk 1L to your cart.");
        browser.until(d -> d.findElement(Browser.testId("cart-count")).getText().trim().equals("6"));
        browser.click(browser.visible("cart-link"));
        browser.waitForPath("/cart");
        browser.click(browser.visible("checkout-button"));
        browser.waitForPath("/checkout");
        browser.click(browser.visible(By.cssSelector("[data-testid='address-option'][value='addr-home']")));
        browser.click(browser.visible("place-order"));

        // The shortage shows beside the line, with the way out, and the form says why it cannot order.
        String lineCss = "[data-testid='checkout-form'] [data-testid='cart-line'][data-product-id='" + ORGANIC_MILK_1L + "']";
        By line = By.cssSelector(lineCss);
        browser.waitForText(By.cssSelector(lineCss + " [data-testid='line-error']"), "Only 5 left.");
        assertThat(browser.visible(line).findElement(Browser.testId("reduce-quantity")).getText()).isEqualTo("Reduce to 5");
        assertThat(browser.visible(line).findElement(Browser.testId("quantity-input")).getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(browser.visible(By.cssSelector("[data-testid='checkout-form'] [data-testid='form-error']")).getText())
                .contains("Organic Milk 1L").containsIgnoringCase("only 5");
        browser.waitForPath("/checkout");
        assertThat(api.available(ORGANIC_MILK_1L)).isEqualTo(5);
        browser.screenshot("CheckoutBrowserTest.ordering_more_than_is_in_stock_shows_the_shortage_beside_the_cart_line");

        // Taking the offer to reduce to five clears the error and prices the order: 5 × ₹95 + ₹23.75 GST + ₹20 delivery.
        browser.click(By.cssSelector(lineCss + " [data-testid='reduce-quantity']"));
        browser.waitForText(Browser.testId("price-total"), "518.75");
        assertThat(browser.all("line-error")).isEmpty();
        assertThat(browser.all("form-error")).isEmpty();
        assertThat(browser.visible(line).findElement(Browser.testId("quantity-input")).getDomProperty("value")).isEqualTo("5");
    }

    /** Searches the shop for {@code name}, waits for exactly what the catalog finds, and adds {@code quantity} of one card. */
    private static void addFromShop(String name, String productId, int quantity) {
        browser.open("/");
        browser.replaceText(browser.visible("search-input"), name);
        Set<String> found = ids(api.searchProducts(name));
        assertThat(found).contains(productId);
        browser.until(d -> cardIds().equals(found));
        WebElement card = browser.visible(By.cssSelector("[data-testid='product-card'][data-product-id='" + productId + "']"));
        browser.replaceText(card.findElement(Browser.testId("quantity-input")), String.valueOf(quantity));
        browser.click(card.findElement(Browser.testId("add-to-cart")));
        browser.waitForToast("Added " + quantity + " × " + name + " to your cart.");
    }

    private static Set<String> ids(JsonNode products) {
        return StreamSupport.stream(products.spliterator(), false)
                .map(product -> product.path("productId").asText()).collect(Collectors.toSet());
    }

    private static Set<String> cardIds() {
        return browser.all("product-card").stream().map(card -> card.getDomAttribute("data-product-id")).collect(Collectors.toSet());
    }

    private static Set<String> vendorGroups() {
        return browser.all("cart-vendor-group").stream().map(group -> group.getDomAttribute("data-vendor-id"))
                .collect(Collectors.toSet());
    }

    /** The one cart line of {@code productId}, inside the group of {@code vendorId}. */
    private static WebElement lineIn(String vendorId, String productId) {
        List<WebElement> lines = browser.visible(By.cssSelector("[data-testid='cart-vendor-group'][data-vendor-id='" + vendorId + "']"))
                .findElements(Browser.testId("cart-line"));
        assertThat(lines).extracting(line -> line.getDomAttribute("data-product-id")).containsExactly(productId);
        return lines.get(0);
    }

    /** The checkout's price rows, label to amount as shown. */
    private static Map<String, String> breakdown() {
        Map<String, String> rows = new LinkedHashMap<>();
        for (WebElement row : browser.driver().findElements(By.cssSelector("[data-testid='checkout-form'] .breakdown__row"))) {
            rows.put(row.findElement(By.tagName("dt")).getText().trim(), row.findElement(By.tagName("dd")).getText().trim());
        }
        return rows;
    }
}
