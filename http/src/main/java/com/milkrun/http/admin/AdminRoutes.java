package com.milkrun.http.admin;

import com.milkrun.access.Capability;
import com.milkrun.access.Role;
import com.milkrun.accounts.AccountService;
import com.milkrun.accounts.UserQuery;
import com.milkrun.http.ApiResponse;
import com.milkrun.http.Body;
import com.milkrun.http.Call;
import com.milkrun.http.Responses;
import com.milkrun.http.Route;
import com.milkrun.http.Services;
import com.milkrun.http.Views;
import com.milkrun.shared.ValidationException;
import java.util.List;
import java.util.Optional;

/** User administration. */
public final class AdminRoutes {
    private final AccountService accounts;

    public AdminRoutes(Services services) {
        this.accounts = services.accounts();
    }

    public List<Route> routes() {
        return List.of(
                Route.secured("GET", "/admin/users", "ListUsers", Capability.ADMINISTER_USERS, this::users),
                Route.secured("PUT", "/admin/users/{userId}/role", "ChangeRole", Capability.ADMINISTER_USERS, this::changeRole),
                Route.secured("POST", "/admin/users/{userId}/disable", "DisableUser", Capability.ADMINISTER_USERS,
                        call -> setDisabled(call, true)),
                Route.secured("POST", "/admin/users/{userId}/enable", "EnableUser", Capability.ADMINISTER_USERS,
                        call -> setDisabled(call, false)));
    }

    private ApiResponse users(Call call) {
        Optional<Role> role = call.query("role").filter(r -> !r.isBlank()).map(r -> Role.fromWireName(r).orElseThrow(() ->
                ValidationException.of("role", "Role must be one of Customer, Vendor, Manager, Admin, DeliveryAgent", "INVALID_ROLE")));
        Optional<String> text = call.query("q").map(String::strip).filter(q -> !q.isEmpty());
        return Responses.ok(Views.page(accounts.listUsers(call.caller(), new UserQuery(role, text), call.page()), AdminViews::adminUser));
    }

    private ApiResponse changeRole(Call call) {
        Body body = call.body();
        String role = body.string("role");
        body.throwIfWrongTypes();
        return Responses.ok(AdminViews.adminUser(accounts.changeRole(call.caller(), call.path("userId"), role)));
    }

    private ApiResponse setDisabled(Call call, boolean disabled) {
        return Responses.ok(AdminViews.adminUser(accounts.setDisabled(call.caller(), call.path("userId"), disabled)));
    }
}
