package com.milkrun.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.catalog.Category;
import com.milkrun.catalog.ProductView;
import com.milkrun.catalog.Shop;
import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorStatus;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.FieldError;
import com.milkrun.shared.PageRequest;
import com.milkrun.shared.ValidationException;
import com.milkrun.testing.Products;
import com.milkrun.testing.Times;
import com.milkrun.testing.Vendors;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShopTest {
    private final Platform platform = new Platform();
    private final Shop shop = new Shop(platform.stores.vendors(), platform.stores.products(), platform.stores.stock());

    @BeforeEach
    void anandIsApprovedAndGokulIsWaiting() {
        platform.stored(Vendors.anandDairy());
        platform.stored(Vendors.gokulDairy());
        platform.stocked(Products.organicMilk500ml("vendor-anand"), 20);
        platform.stocked(Products.desiGhee1l("vendor-anand"), 5);
        platform.stocked(Products.malaiPaneer200g("vendor-gokul"), 9);
    }

    @Test
    void lists_only_the_active_products_of_approved_vendors_with_their_stock() {
        List<ProductView> listed = shop.browse(null, null, null, null, PageRequest.firstPage()).items();

        assertThat(listed).extracting(v -> v.product().productId()).containsExactly("prod-organic-milk-500ml");
        assertThat(listed.get(0).vendorName()).isEqualTo("Anand Dairy");
        assertThat(listed.get(0).stock().available()).isEqualTo(20);
    }

    @Test
    void a_pincode_keeps_only_vendors_delivering_there() {
        Vendor elsewhere = Vendors.named("vendor-amul", "Amul Parlour", VendorStatus.APPROVED, List.of("380001"), Times.MORNING_RUN);
        platform.stored(elsewhere);
        platform.stocked(Products.named("prod-amul-curd", "vendor-amul", "Amul Curd", Category.CURD, true), 3);

        assertThat(shop.browse(null, null, null, "380001", PageRequest.firstPage()).items())
                .extracting(v -> v.product().productId()).containsExactly("prod-amul-curd");
        assertThat(shop.listedVendors("390005", PageRequest.firstPage()).items())
                .extracting(Vendor::vendorId).containsExactly("vendor-anand");
    }

    @Test
    void products_and_vendors_that_are_not_listed_answer_not_found() {
        assertNotFound(() -> shop.product("prod-malai-paneer-200g"));
        assertNotFound(() -> shop.product("prod-desi-ghee-1l"));
        assertNotFound(() -> shop.listedVendor("vendor-gokul"));
        assertThat(shop.product("prod-organic-milk-500ml").inStock()).isTrue();
    }

    @Test
    void reports_a_wrong_category_vendor_id_and_pincode_together() {
        assertThatThrownBy(() -> shop.browse("milk", "chocolate", "not a vendor!", "39", PageRequest.firstPage()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactlyInAnyOrder("category", "vendorId", "pincode"));
    }

    private static void assertNotFound(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("NotFound"));
    }
}
