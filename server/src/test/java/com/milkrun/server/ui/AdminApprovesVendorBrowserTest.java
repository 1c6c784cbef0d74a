package com.milkrun.server.ui;

import static org.assertj.core.api.Assertions.assertThat;


import com.milkrun.demo.DemoData;

import java.util.List;



import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** An admin approves a pending dairy in the admin pages, and its products appear in the shop. */
class AdminApprovesVendorBrowserTest extends ShopBrowserTest {
    private static final String HIMALAYAN = "vendor-himalayan";
    private static final String CHURPI = "prod-himalayan-churpi-100g";


    @Test
    void approving_a_pending_dairy_puts_its_products_in_the_shop() {
        // Before approval the shop does not sell Himalayan Dairy's churpi.
        browser.open("/?q=churpi");
        browser.waitForText("No products match");
        assertThat(browser.all("product-card")).isEmpty();

        // Priya opens the Vendors tab and approves the pending cooperative.
        browser.logIn(DemoData.ADMIN_EMAIL, DemoData.PASSWORD, "Priya Admin");
        browser.open("/admin");
        browser.click(browser.visible("admin-tab-vendors"));
        By himalayan = By.cssSelector("[data-testid='admin-vendor-row'][data-vendor-id='" + HIMALAYAN + "']");
        WebElement row = browser.visible(himalayan);
        assertThat(row.getDomAttribute("data-status")).isEqualTo("Pending");
        browser.click(By.cssSelector("[data-testid='admin-vendor-row'][data-vendor-id='" + HIMALAYAN + "'] [data-testid='approve-vendor']"));
        browser.until(d -> "Approved".equals(d.findElement(himalayan).getDomAttribute("data-status")));
        browser.until(d -> d.findElement(himalayan).findElements(Browser.testId("approve-vendor")).isEmpty());
        browser.waitForText("Himalayan Dairy Cooperative is approved.");
        browser.screenshot("AdminApprovesVendorBrowserTest.approving_a_pending_dairy-admin");

        // Now a search for churpi finds it.
        browser.open("/");
        browser.replaceText(browser.visible("search-input"), "churpi");
        browser.until(d -> browser.all("product-card").stream()
                .map(card -> card.getDomAttribute("data-product-id")).toList().equals(List.of(CHURPI)));
        assertThat(browser.visible("product-name").getText()).isEqualTo("Hard Churpi 100g");
        assertThat(api.searchProducts("churpi")).extracting(p -> p.path("productId").asText()).containsExactly(CHURPI);
        browser.screenshot("AdminApprovesVendorBrowserTest.approving_a_pending_dairy_puts_its_products_in_the_shop");
    }
}
