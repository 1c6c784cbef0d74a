package com.milkrun.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.demo.DemoData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every page of the UI passes an axe-core audit without a serious or critical violation (contrast, names, labels,
 * landmarks...), each seen by the demo user it is meant for, with its content loaded and the demo banner on. A failure
 * lists every violation of every page audited, not only the first.
 */
class AccessibilityAuditBrowserTest extends ShopBrowserTest {
    private static final String GIR = "vendor-001";
    private static final String GREEK_YOGURT = "prod-yogurt-200g";
    private static final By PAGE_TITLE = By.cssSelector("main h1");
    private static final By TAB = By.cssSelector("[role='tab']");

    private final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void start_milkrun_with_the_dev_mailbox_open() throws Exception {
        restartMilkRunWith(Map.of("MILKRUN_DEV_MAILBOX", "true", "MILKRUN_DEMO_DATA", "true"));
    }

    @Test
    void the_shop_and_the_sign_in_pages_have_no_serious_accessibility_violations_for_a_visitor() {
        audit("/", Browser.testId("product-card"));
        audit("/products/" + GREEK_YOGURT, Browser.testId("add-to-cart"));
        audit("/cart", PAGE_TITLE);
        audit("/login", Browser.testId("login-form"));
        audit("/signup", Browser.testId("signup-form"));
        audit("/verify?email=" + DemoData.CUSTOMER_EMAIL, Browser.testId("verify-form"));
        audit("/forgot-password", Browser.testId("forgot-password-form"));
        audit("/reset-password?email=" + DemoData.CUSTOMER_EMAIL, Browser.testId("reset-password-form"));
        audit("/dev/mailbox", PAGE_TITLE);
        audit("/no-such-page", PAGE_TITLE);

        assertNoViolations();
    }

    @Test
    void a_customer_s_cart_checkout_account_and_orders_have_no_serious_accessibility_violations() {
        String token = api.logIn(DemoData.CUSTOMER_EMAIL, DemoData.PASSWORD);
        String orderId = api.placeOrder(token, "addr-home", JsonApi.firstDeliveryDate(), GIR, GREEK_YOGURT, 4)
                .path("orderId").asText();
        browser.logIn(DemoData.CUSTOMER_EMAIL, DemoData.PASSWORD, "Asha Patel");

        // Four Greek yogurts in the cart, so the cart and the checkout show lines, dates and prices.
        browser.open("/products/" + GREEK_YOGURT);
        browser.replaceText(browser.visible("quantity-input"), "4");
        browser.click(browser.visible("add-to-cart"));
        browser.waitForToast("to your cart");
        audit("/cart", Browser.testId("cart-line"));
        audit("/checkout", Browser.testId("delivery-date-option"));
        audit("/account", PAGE_TITLE);
        audit("/orders", Browser.testId("order-row"));
        audit("/orders/" + orderId, Browser.testId("order-timeline"));

        assertNoViolations();
    }

    @Test
    void the_vendor_portal_has_no_serious_accessibility_violations_for_a_dairy_with_an_order_to_answer() {
        String token = api.logIn(DemoData.CUSTOMER_EMAIL, DemoData.PASSWORD);
        LocalDate deliveryDate = JsonApi.firstDeliveryDate();
        String orderId = api.placeOrder(token, "addr-home", deliveryDate, GIR, GREEK_YOGURT, 4).path("orderId").asText();
        browser.logIn("vendor@milkrun.dev", DemoData.PASSWORD, "Ravi Desai");

        // The portal with the order's morning chosen, then with the dialog that rejects it open.
        browser.open("/vendor");
        browser.choose("vendor-orders-filters", "deliveryDate", deliveryDate.toString());
        browser.visible("vendor-order-row");
        browser.visible("vendor-product-row");
        auditAsShown("/vendor");
        browser.click(browser.visible("reject-order-" + orderId));
        browser.visible("reject-reason");
        auditAsShown("/vendor with the reject dialog open");

        assertNoViolations();
    }

    @Test
    void every_admin_tab_has_no_serious_accessibility_violations() {
        String token = api.logIn(DemoData.CUSTOMER_EMAIL, DemoData.PASSWORD);
        api.placeOrder(token, "addr-home", JsonApi.firstDeliveryDate(), GIR, GREEK_YOGURT, 4);
        browser.logIn(DemoData.ADMIN_EMAIL, DemoData.PASSWORD, "Priya Admin");

        // Every tab the page offers, as an admin moves through them.
        audit("/admin", Browser.testId("admin-user-row"));
        int tabs = browser.driver().findElements(TAB).size();
        assertThat(tabs).isGreaterThanOrEqualTo(6);
        for (int i = 0; i < tabs; i++) {
            int index = i;
            WebElement tab = browser.driver().findElements(TAB).get(index);
            String name = tab.getText().trim();
            browser.click(tab);
            browser.until(d -> "true".equals(d.findElements(TAB).get(index).getDomAttribute("aria-selected")));
            auditAsShown("/admin, tab " + name);
        }

        // A workflow run opened shows its history.
        browser.open("/admin?tab=runs");
        browser.click(browser.visible("run-open"));
        browser.visible("run-event");
        auditAsShown("/admin?tab=runs with a run open");

        assertNoViolations();
    }

    /** Opens {@code path}, waits until {@code ready} shows and nothing is loading any more, and audits the page. */
    private void audit(String path, By ready) {
        browser.open(path);
        browser.visible(ready);
        auditAsShown(path);
    }

    private void auditAsShown(String page) {
        browser.until(d -> d.findElements(By.cssSelector(".state--loading")).isEmpty()
                && "on".equals(d.findElement(By.cssSelector(".app")).getDomAttribute("data-demo-mode")));
        for (String violation : browser.seriousAccessibilityViolations()) {
            violations.add(page + ": " + violation);
        }
    }

    private void assertNoViolations() {
        assertThat(violations).as("serious and critical axe-core violations, by page").isEmpty();
    }
}
