package com.milkrun.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.demo.DemoData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The pages of the UI work under the server's Content-Security-Policy: the browser refuses nothing they load, so no
 * script, stylesheet, image or request of theirs depends on an inline or foreign source.
 */
class ContentSecurityPolicyBrowserTest extends ShopBrowserTest {
    @Test
    void a_visitor_and_a_customer_browse_and_the_browser_refuses_nothing() {
        List<String> console = new ArrayList<>(browser.consoleLines());
        for (String page : List.of("/", "/products/prod-milk-500ml", "/cart", "/signup", "/login", "/dev/mailbox")) {
            browser.open(page);
            settled();
            console.addAll(browser.consoleLines());
        }

        // Asha's account page draws her profile's completeness with an inline style property.
        browser.logIn(DemoData.CUSTOMER_EMAIL, DemoData.PASSWORD, "Asha Patel");
        for (String page : List.of("/account", "/orders")) {
            browser.open(page);
            settled();
            console.addAll(browser.consoleLines());
        }

        assertThat(console).noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused to"));
    }

    @Test
    void the_back_office_works_under_the_policy() {
        browser.logIn(DemoData.ADMIN_EMAIL, DemoData.PASSWORD, "Priya Admin");
        List<String> console = new ArrayList<>(browser.consoleLines());
        for (String page : List.of("/admin", "/account")) {
            browser.open(page);
            settled();
            console.addAll(browser.consoleLines());
        }

        assertThat(console).noneMatch(line -> line.contains("Content Security Policy") || line.contains("Refused to"));
    }

    @Test
    void the_policy_is_in_force_an_injected_inline_script_does_not_run() {
        browser.open("/");
        settled();
        browser.consoleLines();

        ((JavascriptExecutor) browser.driver()).executeScript(
                "const s = document.createElement('script'); s.textContent = 'window.injected = true;'; document.body.appendChild(s);");

        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return window.injected === true;")).isEqualTo(false);
        String refusal = browser.until(d -> browser.consoleLines().stream()
                .filter(line -> line.contains("Content Security Policy")).findFirst().orElse(null));
        assertThat(refusal).contains("script-src");
    }

    /** Waits until the page has loaded and every image on it has arrived or failed, so that any refusal is logged. */
    private static void settled() {
        browser.visible(By.cssSelector("main"));
        browser.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && Array.from(document.images).every(i => i.complete);")));
    }
}
