package com.milkrun.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.milkrun.demo.DemoData;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A dairy turns an order down in the vendor portal, giving the customer a reason, and the customer finds the order
 * failed with that reason on its page.
 */
class VendorRejectsOrderBrowserTest extends ShopBrowserTest {
    private static final String GIR = "vendor-001";
    private static final String GIR_OWNER = "vendor@milkrun.dev";
    private static final String GREEK_YOGURT = "prod-yogurt-200g";
    private static final String REASON = "Our delivery van is off the road that morning, sorry.";

    @Test
    void a_dairy_rejects_an_order_with_a_reason_and_the_customer_sees_it_failed_with_that_reason() {
        // Asha orders four Greek yogurts from Gir Organic Dairy, and the workflow confirms the order.
        String token = api.logIn(DemoData.CUSTOMER_EMAIL, DemoData.PASSWORD);
        LocalDate deliveryDate = JsonApi.firstDeliveryDate();
        String orderId = api.placeOrder(token, "addr-home", deliveryDate, GIR, GREEK_YOGURT, 4).path("orderId").asText();
        int heldBack = api.available(GREEK_YOGURT);
        api.eventually("order " + orderId + " is never confirmed",
                a -> "Confirmed".equals(a.get("/orders/" + orderId, token).path("status").asText()));

        // Ravi of Gir Organic Dairy finds it among the incoming orders for its delivery date, still to be answered.
        browser.logIn(GIR_OWNER, DemoData.PASSWORD, "Ravi Desai");
        browser.open("/vendor");
        browser.choose("vendor-orders-filters", "deliveryDate", deliveryDate.toString());
        By group = By.cssSelector("[data-testid='vendor-order-group'][data-order-id='" + orderId + "']");
        WebElement line = browser.visible(group).findElement(Browser.testId("vendor-order-row"));
        assertThat(line.getDomAttribute("data-product-id")).isEqualTo(GREEK_YOGURT);
        assertThat(line.getText()).contains("Greek Yogurt 200g");
        browser.visible("accept-order-" + orderId);

        // He opens the rejection and confirms without a reason: the dialog stays, the field says what is missing.
        browser.click(browser.visible("reject-order-" + orderId));
        WebElement reason = browser.visible("reject-reason");
        browser.click(browser.visible("confirm-reject"));
        By fieldError = By.cssSelector("dialog[open] [data-testid='field-error']");
        browser.waitForText(fieldError, "Tell the customer why you cannot take this order.");
        assertThat(reason.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.visible(By.cssSelector("dialog[open]")).getText()).contains("Reject order");
        assertThat(browser.all("decision-" + orderId)).isEmpty();
        assertThat(api.get("/orders/" + orderId, token).path("status").asText()).isEqualTo("Confirmed");
        browser.screenshot("VendorRejectsOrderBrowserTest.a_dairy_rejects_an_order-reason_missing");

        // With a reason the order is rejected: the dialog closes and the order's badge says Rejected.
        browser.replaceText(reason, REASON);
        browser.until(d -> d.findElements(fieldError).isEmpty());
        browser.click(browser.visible("confirm-reject"));
        browser.waitForToast("rejected. The customer will see your reason.");
        WebElement badge = browser.visible("decision-" + orderId);
        browser.until(d -> "Rejected".equals(d.findElement(Browser.testId("decision-" + orderId)).getDomAttribute("data-decision")));
        assertThat(badge.getText().trim()).isEqualTo("Rejected");
        browser.until(d -> d.findElements(By.cssSelector("dialog[open]")).isEmpty());
        assertThat(browser.all("accept-order-" + orderId)).isEmpty();
        assertThat(browser.all("reject-order-" + orderId)).isEmpty();
        browser.screenshot("VendorRejectsOrderBrowserTest.a_dairy_rejects_an_order-rejected");
        browser.logOut();

        // Asha opens her order: it failed, and the page says why in the dairy's words.
        browser.logIn(DemoData.CUSTOMER_EMAIL, DemoData.PASSWORD, "Asha Patel");
        browser.open("/orders/" + orderId);
        By status = By.cssSelector(".order-head [data-testid='order-status']");
        browser.until(d -> "Failed".equals(d.findElement(status).getDomAttribute("data-status")));
        assertThat(browser.visible(status).getText().trim()).isEqualTo("Failed");
        browser.waitForText(Browser.testId("order-failure-reason"), REASON);
        assertThat(browser.visible("order-failure-reason").getText()).contains("Gir Organic Dairy");
        WebElement rejected = browser.visible(By.cssSelector("[data-testid='timeline-entry'][data-what='VendorRejected']"));
        assertThat(rejected.getText()).contains(REASON);
        assertThat(browser.visible(By.cssSelector("[data-testid='order-vendor-decision'][data-vendor-id='" + GIR + "']")).getText())
                .contains("Rejected");
        assertThat(browser.all("cancel-order")).isEmpty();
        browser.screenshot("VendorRejectsOrderBrowserTest.a_dairy_rejects_an_order_with_a_reason_and_the_customer_sees_it_failed_with_that_reason");

        // Behind the UI: the order failed with the reason, and its yogurts are back on sale.
        JsonNode order = api.get("/orders/" + orderId, token);
        assertThat(order.path("status").asText()).isEqualTo("Failed");
        assertThat(order.path("failureReason").asText()).contains(REASON);
        assertThat(api.available(GREEK_YOGURT)).isEqualTo(heldBack + 4);
    }
}
