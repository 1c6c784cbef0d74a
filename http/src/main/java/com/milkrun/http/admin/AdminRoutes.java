package com.milkrun.http.admin;

import com.milkrun.access.Capability;
import com.milkrun.access.Role;
import com.milkrun.accounts.UserQuery;
import com.milkrun.backoffice.CatalogAdministration;
import com.milkrun.backoffice.UserAdministration;
import com.milkrun.http.ApiResponse;
import com.milkrun.http.Body;
import com.milkrun.http.Call;
import com.milkrun.http.Responses;
import com.milkrun.http.Route;
import com.milkrun.http.Services;
import com.milkrun.http.JsonViews;
import com.milkrun.http.catalog.CatalogViews;
import com.milkrun.shared.ValidationException;
import java.util.List;
import java.util.Optional;

/** The back office: users, vendor approval and the whole catalog. */
public final class AdminRoutes {
    private final UserAdministration users;
    private final CatalogAdministration catalog;

    public AdminRoutes(Services services) {
        this.users = services.users();
        this.catalog = services.catalogAdmin();
    }

    public List<Route> routes() {
        return List.of(
                Route.secured("GET", "/admin/users", "ListUsers", Capability.ADMINISTER_USERS, this::users),
                Route.secured("PUT", "/admin/users/{userId}/role", "ChangeRole", Capability.ADMINISTER_USERS, this::changeRole),
                Route.secured("POST", "/admin/users/{userId}/disable", "DisableUser", Capability.ADMINISTER_USERS,
                        call -> setDisabled(call, true)),
                Route.secured("POST", "/admin/users/{userId}/enable", "EnableUser", Capability.ADMINISTER_USERS,
                        call -> setDisabled(call, false)),
                Route.secured("GET", "/admin/vendors", "ListAllVendors", Capability.READ_CATALOG_BACKOFFICE, this::allVendors),
                Route.secured("POST", "/admin/vendors/{vendorId}/approve", "ApproveVendor", Capability.ADMINISTER_VENDORS, this::approve),
                Route.secured("POST", "/admin/vendors/{vendorId}/disable", "DisableVendor", Capability.ADMINISTER_VENDORS, this::disable),
                Route.secured("GET", "/admin/products", "ListAllProducts", Capability.READ_CATALOG_BACKOFFICE, this::allProducts));
    }

    private ApiResponse users(Call call) {
        Optional<Role> role = call.query("role").filter(r -> !r.isBlank()).map(r -> Role.fromWireName(r).orElseThrow(() ->
                ValidationException.of("role", "Role must be one of Customer, Vendor, Manager, Admin, DeliveryAgent", "INVALID_ROLE")));
        Optional<String> text = call.query("q").map(String::strip).filter(q -> !q.isEmpty());
        return Responses.ok(JsonViews.page(users.listUsers(call.caller(), new UserQuery(role, text), call.page()), AdminViews::adminUser));
    }

    private ApiResponse changeRole(Call call) {
        Body body = call.body();
        String role = body.string("role");
        body.throwIfWrongTypes();
        return Responses.ok(AdminViews.adminUser(users.changeRole(call.caller(), call.path("userId"), role)));
    }

    private ApiResponse setDisabled(Call call, boolean disabled) {
        return Responses.ok(AdminViews.adminUser(users.setDisabled(call.caller(), call.path("userId"), disabled)));
    }

    private ApiResponse allVendors(Call call) {
        return Responses.ok(JsonViews.page(catalog.allVendors(call.caller(), call.queryOrNull("status"), call.page()),
                CatalogViews::vendorBackOffice));
    }

    private ApiResponse approve(Call call) {
        return Responses.ok(CatalogViews.vendorBackOffice(catalog.approveVendor(call.caller(), call.path("vendorId"))));
    }

    private ApiResponse disable(Call call) {
        return Responses.ok(CatalogViews.vendorBackOffice(catalog.disableVendor(call.caller(), call.path("vendorId"))));
    }

    private ApiResponse allProducts(Call call) {
        var page = catalog.allProducts(call.caller(), call.queryOrNull("vendorId"), call.queryOrNull("q"), call.page());
        return Responses.ok(JsonViews.page(page, CatalogViews::productWithStock));
    }

}
