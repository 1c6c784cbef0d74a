package com.milkrun.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.demo.DemoData;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * On a 360 × 740 phone screen every link and button of the header is whole and on screen, for a visitor and for a
 * signed-in customer, dairy owner and admin, and no page scrolls sideways. A signed-in user's links sit behind the
 * header's Menu button there; opened, the menu must fit too, and pass an axe-core audit.
 */
class SmallScreenHeaderBrowserTest extends ShopBrowserTest {
    private static final int WIDTH = 360;
    private static final int HEIGHT = 740;

    /**
     * What is wrong with the header as shown: a visible link or button that lies (partly) off screen, is clipped by a
     * scrolling or clipping box around it, or shows its text cut short; and a page wider than the screen.
     */
    private static final String HEADER_PROBLEMS = """
            const problems = [];
            const screen = document.documentElement.clientWidth;
            const name = el => (el.textContent.trim() || el.getAttribute('aria-label') || el.tagName).replace(/\\s+/g, ' ');
            const clippedBy = (el, box) => {
              for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
                const style = getComputedStyle(a);
                if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
                const edge = a.getBoundingClientRect();
                if (box.left < edge.left - 0.5 || box.right > edge.right + 0.5) return a;
              }
              return null;
            };
            for (const el of document.querySelectorAll('header a, header button')) {
              if (el.getClientRects().length === 0) continue;
              const box = el.getBoundingClientRect();
              if (box.left < 0 || box.right > screen) {
                problems.push(name(el) + ' lies off screen: ' + Math.round(box.left) + '..' + Math.round(box.right)
                    + ' on a ' + screen + ' px screen');
              }
              const clip = clippedBy(el, box);
              if (clip) problems.push(name(el) + ' is cut off by .' + clip.className.split(' ').join('.'));
              if (el.scrollWidth > el.clientWidth + 1) {
                problems.push(name(el) + ' shows its text cut short (' + el.scrollWidth + ' px in ' + el.clientWidth + ')');
              }
            }
            if (document.documentElement.scrollWidth > screen) {
              problems.push('the page scrolls sideways: ' + document.documentElement.scrollWidth + ' px on a '
                  + screen + ' px screen');
            }
            return problems;
            """;

    @AfterEach
    void back_to_the_desktop_window() {
        browser.stopEmulatingScreen();
    }

    @Test
    void a_visitor_sees_the_whole_header_on_a_360_px_screen() {
        browser.emulateScreen(WIDTH, HEIGHT);
        browser.open("/");
        browser.waitForSignInLink();
        browser.visible(By.xpath("//header//a[normalize-space()='Sign up']"));
        browser.visible("cart-link");

        assertThat(headerProblems()).isEmpty();
        browser.screenshot("SmallScreenHeaderBrowserTest.a_visitor_sees_the_whole_header_on_a_360_px_screen");
    }

    @ParameterizedTest(name = "{1} ({0})")
    @CsvSource({
            "customer@milkrun.dev, Asha Patel, /account, ",
            "vendor@milkrun.dev, Ravi Desai, /vendor, Vendor portal",
            "admin@milkrun.dev, Priya Admin, /admin, Admin"})
    void a_signed_in_user_reaches_every_header_link_on_a_360_px_screen(String email, String name, String home,
            String roleLink) {
        // Signed in on the desktop window, then the same pages on a phone.
        browser.logIn(email, DemoData.PASSWORD, name);
        browser.emulateScreen(WIDTH, HEIGHT);

        for (String path : List.of("/", home)) {
            // Closed, the header shows the brand, the cart and the Menu button, all whole.
            browser.open(path);
            browser.visible("menu-toggle");
            browser.visible("cart-link");
            assertThat(headerProblems()).as("the header on %s, menu closed", path).isEmpty();

            // Opened, the menu lists every link, the user's name and Sign out, all whole and on screen.
            browser.click(browser.visible("menu-toggle"));
            browser.until(d -> "true".equals(d.findElement(Browser.testId("menu-toggle")).getDomAttribute("aria-expanded")));
            browser.visible(By.xpath("//header//nav//a[normalize-space()='My orders']"));
            browser.visible(By.xpath("//header//nav//a[normalize-space()='Account']"));
            if (roleLink != null) {
                browser.visible(By.xpath("//header//nav//a[normalize-space()='" + roleLink + "']"));
            }
            browser.waitForText(Browser.testId("user-menu"), name);
            browser.visible("logout-button");
            assertThat(headerProblems()).as("the header on %s, menu open", path).isEmpty();
            assertThat(browser.seriousAccessibilityViolations()).as("axe-core on %s, menu open", path).isEmpty();
            browser.screenshot("SmallScreenHeaderBrowserTest." + email.substring(0, email.indexOf('@')) + "-menu-open"
                    + path.replace('/', '_'));
        }

        // A link of the menu leads on and the menu folds away on the new page.
        browser.click(browser.visible(By.xpath("//header//nav//a[normalize-space()='My orders']")));
        browser.waitForPath("/orders");
        browser.until(d -> "false".equals(d.findElement(Browser.testId("menu-toggle")).getDomAttribute("aria-expanded")));
        browser.until(d -> !d.findElement(Browser.testId("user-menu")).isDisplayed());
        assertThat(headerProblems()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> headerProblems() {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript(HEADER_PROBLEMS);
    }
}
