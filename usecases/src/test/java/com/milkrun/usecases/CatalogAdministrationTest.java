package com.milkrun.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.milkrun.access.Principal;
import com.milkrun.access.Role;
import com.milkrun.backoffice.CatalogAdministration;
import com.milkrun.catalog.ProductView;
import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorStatus;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.PageRequest;
import com.milkrun.shared.ValidationException;
import com.milkrun.testing.Products;
import com.milkrun.testing.Users;
import com.milkrun.testing.Vendors;
import org.junit.jupiter.api.Test;

class CatalogAdministrationTest {
    private static final Principal ADMIN = new Principal("user-admin", "admin@milkrun.example", "Admin", Role.ADMIN);
    private static final Principal MANAGER = new Principal("user-manager", "manager@milkrun.example", "Manager", Role.MANAGER);

    private final Platform platform = new Platform();
    private final CatalogAdministration catalog = new CatalogAdministration(platform.stores.vendors(),
            platform.stores.products(), platform.stores.stock(), platform.stores.users(), platform.notifications,
            platform.clock);

    @Test
    void approving_a_pending_vendor_approves_it_and_tells_its_owner() {
        platform.stored(Users.ravi());
        platform.stored(Vendors.anandDairy().withStatus(VendorStatus.PENDING, platform.clock.instant()));

        Vendor approved = catalog.approveVendor(ADMIN, "vendor-anand");

        assertThat(approved.status()).isEqualTo(VendorStatus.APPROVED);
        assertThat(platform.inboxSubjects("user-ravi")).containsExactly("Your MilkRun vendor profile is approved");
    }

    @Test
    void a_manager_sees_every_vendor_and_product_but_cannot_approve_or_disable() {
        platform.stored(Vendors.anandDairy());
        platform.stored(Vendors.gokulDairy());
        platform.stocked(Products.desiGhee1l("vendor-anand"), 4);

        assertThat(catalog.allVendors(MANAGER, "Pending", PageRequest.firstPage()).items())
                .extracting(Vendor::vendorId).containsExactly("vendor-gokul");
        assertThat(catalog.allProducts(MANAGER, "vendor-anand", null, PageRequest.firstPage()).items())
                .extracting(ProductView::vendorName, v -> v.stock().stock()).containsExactly(tuple("Anand Dairy", 4));
        assertThatThrownBy(() -> catalog.disableVendor(MANAGER, "vendor-anand"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("Forbidden"));
        assertThat(platform.stores.vendors().get("vendor-anand").orElseThrow().status()).isEqualTo(VendorStatus.APPROVED);
    }

    @Test
    void refuses_an_unknown_status_filter_and_a_malformed_vendor_id() {
        assertThatThrownBy(() -> catalog.allVendors(ADMIN, "Sleeping", PageRequest.firstPage()))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> catalog.allProducts(ADMIN, "not a vendor id!", null, PageRequest.firstPage()))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void approving_an_unknown_vendor_answers_not_found() {
        assertThatThrownBy(() -> catalog.approveVendor(ADMIN, "vendor-nowhere"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("NotFound"));
    }
}
