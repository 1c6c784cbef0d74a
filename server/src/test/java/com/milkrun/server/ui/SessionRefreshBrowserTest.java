package com.milkrun.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Asha's sign-in outlives her one-hour ID token without the page ever holding her 30-day refresh token: the server
 * keeps it in an HttpOnly cookie, and the page swaps it for a new ID token when the old one is refused.
 */
class SessionRefreshBrowserTest extends ShopBrowserTest {
    private static final String STALE_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLWFzaGEifQ.c3RhbGU";

    @Test
    void the_refresh_token_is_out_of_reach_of_page_scripts_and_still_renews_the_sign_in() {
        browser.logIn("customer@milkrun.dev", "MilkRun@2026", "Asha");

        // Nothing a script on the page can read holds the refresh token.
        assertThat(script("return JSON.stringify(Object.assign({}, window.localStorage));")).doesNotContain("refresh");
        assertThat(script("return document.cookie;")).doesNotContain("milkrun_refresh");

        // Her ID token has run out: the next request is refused, the page renews it through the cookie and carries on.
        script("window.localStorage.setItem('milkrun.idToken', '" + STALE_TOKEN + "');");
        browser.open("/account");
        browser.visible(Browser.testId("profile-form"));
        browser.waitForText(Browser.testId("user-menu"), "Asha");
        assertThat(script("return window.localStorage.getItem('milkrun.idToken');")).isNotEqualTo(STALE_TOKEN);

        // Signing out ends the sign-in on the server too: the cookie no longer renews anything.
        browser.logOut();
        script("window.localStorage.setItem('milkrun.idToken', '" + STALE_TOKEN + "');"
                + "window.localStorage.setItem('milkrun.user', JSON.stringify({userId:'user-asha',email:'customer@milkrun.dev',"
                + "name:'Asha Patel',role:'Customer'}));");
        browser.open("/account");
        browser.waitForPath("/login");
        assertThat(browser.driver().findElements(By.xpath("//header//a[normalize-space()='Sign in']"))).isNotEmpty();
    }

    private String script(String code) {
        Object result = ((JavascriptExecutor) browser.driver()).executeScript(code);
        return result == null ? "" : result.toString();
    }
}
