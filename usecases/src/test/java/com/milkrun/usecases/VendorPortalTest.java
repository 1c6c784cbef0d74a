package com.milkrun.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.access.Principal;
import com.milkrun.catalog.ProductInput;
import com.milkrun.catalog.SavedVendor;
import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorInput;
import com.milkrun.catalog.VendorPortal;
import com.milkrun.catalog.VendorStatus;
import com.milkrun.inventory.StockKey;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import com.milkrun.shared.FieldError;
import com.milkrun.shared.PageRequest;
import com.milkrun.shared.ValidationException;
import com.milkrun.testing.Products;
import com.milkrun.testing.Users;
import com.milkrun.testing.Vendors;
import java.math.BigDecimal;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class VendorPortalTest {
    private final Platform platform = new Platform();
    private final VendorPortal portal = new VendorPortal(platform.stores.vendors(), platform.stores.products(),
            platform.stores.stock(), platform.clock);
    private final Principal ravi = Platform.signedIn(platform.stored(Users.ravi()));

    @Test
    void a_vendor_without_a_profile_creates_one_that_waits_for_approval() {
        SavedVendor saved = portal.saveMyVendor(ravi, anandProfile("Anand Dairy"));

        assertThat(saved.created()).isTrue();
        assertThat(saved.vendor().status()).isEqualTo(VendorStatus.PENDING);
        assertThat(saved.vendor().ownerUserId()).isEqualTo("user-ravi");
        assertThat(saved.vendor().pincodes()).containsExactly("390001", "390005");
    }

    @Test
    void saving_the_profile_again_updates_it_and_keeps_its_approval() {
        platform.stored(Vendors.anandDairy());

        SavedVendor saved = portal.saveMyVendor(ravi, anandProfile("Anand Dairy & Sons"));

        assertThat(saved.created()).isFalse();
        assertThat(saved.vendor().name()).isEqualTo("Anand Dairy & Sons");
        assertThat(saved.vendor().status()).isEqualTo(VendorStatus.APPROVED);
    }

    @Test
    void a_disabled_vendor_cannot_change_its_public_profile_and_nothing_changes() {
        platform.stored(disabled(Vendors.anandDairy()));

        assertThatThrownBy(() -> portal.saveMyVendor(ravi, anandProfile("Anand Dairy Reborn")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("VendorDisabled"));

        assertThat(platform.stores.vendors().get("vendor-anand").orElseThrow().name()).isEqualTo("Anand Dairy");
    }

    @Test
    void a_disabled_vendor_still_reads_its_products_but_cannot_add_change_or_restock_them() {
        platform.stored(disabled(Vendors.anandDairy()));
        platform.stocked(Products.organicMilk500ml("vendor-anand"), 8);

        assertThat(portal.myProducts(ravi, PageRequest.firstPage()).items()).hasSize(1);
        assertVendorDisabled(() -> portal.addProduct(ravi, product("Buffalo Milk 1l", new BigDecimal("70"))));
        assertVendorDisabled(() -> portal.updateProduct(ravi, "prod-organic-milk-500ml", product(null, new BigDecimal("1"))));
        assertVendorDisabled(() -> portal.setStock(ravi, "prod-organic-milk-500ml", 0));

        assertThat(platform.stores.stock().get(new StockKey("vendor-anand", "prod-organic-milk-500ml")).orElseThrow().stock())
                .isEqualTo(8);
        assertThat(platform.stores.products().get("prod-organic-milk-500ml").orElseThrow().price()).isEqualByComparingTo("50");
    }

    @Test
    void adds_a_product_with_its_opening_stock() {
        platform.stored(Vendors.anandDairy());

        var added = portal.addProduct(ravi, product("Buffalo Milk 1l", new BigDecimal("70.5")));

        assertThat(added.product().price()).isEqualByComparingTo("70.50");
        assertThat(added.stock().available()).isEqualTo(12);
        assertThat(added.vendorName()).isEqualTo("Anand Dairy");
    }

    @Test
    void lists_every_wrong_product_field_in_one_answer() {
        platform.stored(Vendors.anandDairy());
        ProductInput bad = new ProductInput("", "chocolate", "", new BigDecimal("10.555"), null, "ftp://milk", null, -1);

        assertThatThrownBy(() -> portal.addProduct(ravi, bad)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("name", "category", "unit", "price", "imageUrl", "stock"));
    }

    @Test
    void a_vendor_never_sees_or_changes_another_vendors_product() {
        platform.stored(Vendors.anandDairy());
        platform.stored(Vendors.gokulDairy());
        platform.stocked(Products.malaiPaneer200g("vendor-gokul"), 3);

        assertNotFound(() -> portal.myProduct(ravi, "prod-malai-paneer-200g"));
        assertNotFound(() -> portal.setStock(ravi, "prod-malai-paneer-200g", 100));
        assertThat(platform.stores.stock().get(new StockKey("vendor-gokul", "prod-malai-paneer-200g")).orElseThrow().stock())
                .isEqualTo(3);
    }

    @Test
    void a_customer_cannot_open_the_vendor_portal() {
        Principal asha = Platform.signedIn(platform.stored(Users.asha()));

        assertThatThrownBy(() -> portal.myVendor(asha))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("Forbidden"));
    }

    private static VendorInput anandProfile(String name) {
        return new VendorInput(name, "Fresh milk from Anand since 1962", "orders@anand-dairy.example", "+912652345678",
                List.of("390001", " 390005", "390001"));
    }

    private static ProductInput product(String name, BigDecimal price) {
        return new ProductInput(name, name == null ? null : "milk", name == null ? null : "1 l", price, null, null, null,
                name == null ? null : 12);
    }

    private Vendor disabled(Vendor vendor) {
        return vendor.withStatus(VendorStatus.DISABLED, platform.clock.instant());
    }

    private static void assertVendorDisabled(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.error()).isEqualTo("VendorDisabled");
            assertThat(e.failure()).isEqualTo(Failure.FORBIDDEN);
        });
    }

    private static void assertNotFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND));
    }
}
