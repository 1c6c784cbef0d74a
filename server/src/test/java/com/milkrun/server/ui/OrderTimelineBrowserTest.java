package com.milkrun.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.demo.DemoData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A customer watches a new order on its page: it waits as Pending, turns Confirmed by itself once the order workflow
 * has run, and the page's history lists what happened in order.
 *
 * <p>The server runs without its workflow runner at first, so the page is sure to meet the order while it is Pending;
 * the test then starts the runner, as a server does at start-up, and the page must catch up without a reload.
 */
class OrderTimelineBrowserTest extends ShopBrowserTest {
    private static final String GIR = "vendor-001";
    private static final String GREEK_YOGURT = "prod-yogurt-200g";
    private static final By STATUS = By.cssSelector(".order-head [data-testid='order-status']");

    @BeforeAll
    static void start_milkrun_with_its_workflow_runner_held_back() throws Exception {
        restartMilkRunWith(Map.of("MILKRUN_WORKFLOW_RUNNER", "false", "MILKRUN_WORKFLOW_POLL_MS", "100"));
    }

    @Test
    void the_order_page_turns_confirmed_without_a_reload_and_lists_placed_vendors_notified_confirmed() {
        // Asha orders four Greek yogurts (₹120, above the ₹100 minimum) for the first morning on offer; nothing has confirmed it yet.
        String token = api.logIn(DemoData.CUSTOMER_EMAIL, DemoData.PASSWORD);
        String orderId = api.placeOrder(token, "addr-home", JsonApi.firstDeliveryDate(), GIR, GREEK_YOGURT, 4)
                .path("orderId").asText();

        // She opens the order: Pending, the page says it keeps itself up to date, and the history holds only the placing.
        browser.logIn(DemoData.CUSTOMER_EMAIL, DemoData.PASSWORD, "Asha Patel");
        browser.open("/orders/" + orderId);
        browser.waitForText(Browser.testId("order-id"), orderId);
        browser.until(d -> "Pending".equals(d.findElement(STATUS).getDomAttribute("data-status")));
        browser.visible("order-live");
        browser.until(d -> timeline().equals(List.of("Placed")));
        browser.screenshot("OrderTimelineBrowserTest.the_order_page-pending");

        // A mark on the page's window: a reload would wipe it.
        JavascriptExecutor page = (JavascriptExecutor) browser.driver();
        page.executeScript("window.milkrunTestMark = 'still the same page';");

        // The workflow runner starts and confirms the order; the open page turns Confirmed by itself.
        server.milkRun().engine().start();
        browser.until(d -> "Confirmed".equals(d.findElement(STATUS).getDomAttribute("data-status")));
        assertThat(browser.visible(STATUS).getText().trim()).isEqualTo("Confirmed");
        assertThat(page.executeScript("return window.milkrunTestMark;")).isEqualTo("still the same page");
        browser.until(d -> browser.all("order-live").isEmpty());

        // Its history lists the steps oldest first: placed by Asha, dairies told, confirmed by the workflow.
        browser.visible("order-timeline");
        browser.until(d -> timeline().equals(List.of("Placed", "VendorsNotified", "Confirmed")));
        List<WebElement> entries = browser.all("timeline-entry");
        assertThat(entries.get(0).getText()).contains("Order placed");
        assertThat(entries.get(0).getDomAttribute("data-by-kind")).isEqualTo("customer");
        assertThat(entries.get(1).getText()).contains("Dairies told about the order");
        assertThat(entries.get(2).getText()).contains("Order confirmed");
        assertThat(entries.get(2).getDomAttribute("data-status")).isEqualTo("Confirmed");
        assertThat(entries.get(2).getDomAttribute("aria-current")).isEqualTo("step");
        browser.screenshot("OrderTimelineBrowserTest.the_order_page_turns_confirmed_without_a_reload_and_lists_placed_vendors_notified_confirmed");

        // The server agrees.
        assertThat(api.get("/orders/" + orderId, token).path("status").asText()).isEqualTo("Confirmed");
    }

    /** What the order's history shows, top to bottom, by each entry's {@code data-what}. */
    private static List<String> timeline() {
        return browser.all("timeline-entry").stream().map(entry -> entry.getDomAttribute("data-what")).toList();
    }
}
