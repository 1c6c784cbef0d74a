package com.milkrun.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.demo.DemoData;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * While the development mailbox is open anyone can read the codes MilkRun mails, so every page says so in a banner;
 * with the mailbox off (a real shop) no page shows it. Each test starts its own server with both demo settings given
 * explicitly, whatever their defaults.
 */
class DemoBannerBrowserTest extends ShopBrowserTest {
    private static final List<String> VISITOR_PAGES = List.of("/", "/products/prod-yogurt-200g", "/cart", "/login",
            "/signup", "/forgot-password", "/dev/mailbox", "/no-such-page");

    @Test
    void every_page_warns_that_codes_are_readable_at_the_dev_mailbox_while_it_is_open() throws Exception {
        restartMilkRunWith(Map.of("MILKRUN_DEV_MAILBOX", "true", "MILKRUN_DEMO_DATA", "true"));
        assertThat(api.status("/dev/mailbox")).isEqualTo(200);

        // A visitor meets the banner on every page, as a landmark of its own that says what is open.
        for (String path : VISITOR_PAGES) {
            assertTheBannerWarns(path);
        }

        // So does a signed-in customer.
        browser.logIn(DemoData.CUSTOMER_EMAIL, DemoData.PASSWORD, "Asha Patel");
        for (String path : List.of("/account", "/orders")) {
            assertTheBannerWarns(path);
        }

        // Its link leads to the mailbox.
        browser.open("/");
        browser.click(browser.visible(By.cssSelector("[data-testid='demo-banner'] a")));
        browser.waitForPath("/dev/mailbox");
        browser.screenshot("DemoBannerBrowserTest.every_page_warns_that_codes_are_readable_at_the_dev_mailbox_while_it_is_open");
    }

    @Test
    void no_page_shows_the_banner_when_the_dev_mailbox_is_off() throws Exception {
        restartMilkRunWith(Map.of("MILKRUN_DEV_MAILBOX", "false", "MILKRUN_DEMO_DATA", "false"));
        assertThat(api.status("/dev/mailbox")).isEqualTo(404);

        for (String path : VISITOR_PAGES) {
            browser.open(path);
            browser.until(d -> "off".equals(d.findElement(By.cssSelector(".app")).getDomAttribute("data-demo-mode")));
            assertThat(browser.all("demo-banner")).as("the demo banner on %s", path).isEmpty();
        }
        browser.screenshot("DemoBannerBrowserTest.no_page_shows_the_banner_when_the_dev_mailbox_is_off");
    }

    private static void assertTheBannerWarns(String path) {
        browser.open(path);
        browser.until(d -> "on".equals(d.findElement(By.cssSelector(".app")).getDomAttribute("data-demo-mode")));
        WebElement banner = browser.visible("demo-banner");
        assertThat(banner.findElement(By.tagName("strong")).getText()).as("the demo banner's tag on %s", path)
                .isEqualToIgnoringCase("Demo");
        assertThat(banner.getText()).as("the demo banner on %s", path)
                .contains("readable by anyone at /dev/mailbox").contains("demo accounts are on");
        assertThat(banner.getAriaRole()).as("the demo banner's role on %s", path).isEqualTo("region");
        assertThat(banner.getAccessibleName()).as("the demo banner's name on %s", path).isEqualTo("Demo mode");
    }
}
