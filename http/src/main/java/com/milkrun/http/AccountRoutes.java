package com.milkrun.http;

import com.milkrun.accounts.AccountService;
import com.milkrun.accounts.AddressInput;
import com.milkrun.access.Capability;
import com.milkrun.accounts.User;
import com.milkrun.catalog.CatalogService;
import com.milkrun.notifications.NotificationStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /auth/*}, {@code /users/me} and the caller's addresses and inbox. */
final class AccountRoutes {
    private final AccountService accounts;
    private final CatalogService catalog;
    private final NotificationStore notifications;
    private final com.milkrun.orders.OrderQueries orders;

    AccountRoutes(Services services) {
        this.accounts = services.accounts();
        this.catalog = services.catalog();
        this.notifications = services.notifications();
        this.orders = services.orders().queries();
    }

    List<Route> routes() {
        return List.of(
                Route.open("POST", "/auth/register", "Register", this::register),
                Route.open("POST", "/auth/verify", "VerifyEmail", this::verify),
                Route.open("POST", "/auth/resend-code", "ResendCode", this::resendCode),
                Route.open("POST", "/auth/login", "Login", this::login),
                Route.open("POST", "/auth/refresh", "RefreshTokens", this::refresh),
                Route.open("POST", "/auth/forgot-password", "ForgotPassword", this::forgotPassword),
                Route.open("POST", "/auth/reset-password", "ResetPassword", this::resetPassword),
                Route.open("POST", "/auth/logout", "Logout", this::logout),
                Route.secured("GET", "/users/me", "GetProfile", Capability.OWN_ACCOUNT, this::me),
                Route.secured("PUT", "/users/me", "UpdateProfile", Capability.OWN_ACCOUNT, this::updateMe),
                Route.secured("GET", "/users/me/addresses", "ListAddresses", Capability.OWN_ACCOUNT, this::addresses),
                Route.secured("POST", "/users/me/addresses", "AddAddress", Capability.OWN_ACCOUNT, this::addAddress),
                Route.secured("GET", "/users/me/addresses/{addressId}", "GetAddress", Capability.OWN_ACCOUNT, this::address),
                Route.secured("PUT", "/users/me/addresses/{addressId}", "ReplaceAddress", Capability.OWN_ACCOUNT, this::replaceAddress),
                Route.secured("DELETE", "/users/me/addresses/{addressId}", "DeleteAddress", Capability.OWN_ACCOUNT, this::deleteAddress),
                Route.secured("GET", "/users/me/notifications", "ListMyNotifications", Capability.OWN_ACCOUNT, this::inbox));
    }

    private ApiResponse register(Call call) {
        Body body = call.body();
        String email = body.string("email");
        String password = body.string("password");
        String name = body.string("name");
        String phone = body.string("phone");
        body.throwIfWrongTypes();
        User user = accounts.register(email, password, name, phone);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("userId", user.userId());
        answer.put("email", user.email());
        answer.put("message", "Registration successful. Please check your email to verify your account.");
        answer.put("emailVerificationRequired", true);
        return Responses.ok(answer);
    }

    private ApiResponse verify(Call call) {
        Body body = call.body();
        String email = body.string("email");
        String code = body.string("code");
        body.throwIfWrongTypes();
        accounts.verifyEmail(email, code);
        return Responses.message("Email verified successfully. You can now login.");
    }

    private ApiResponse resendCode(Call call) {
        Body body = call.body();
        String email = body.string("email");
        body.throwIfWrongTypes();
        accounts.resendCode(email);
        return Responses.message("If the account exists and is not verified yet, a new code is on its way.");
    }

    private ApiResponse login(Call call) {
        Body body = call.body();
        String email = body.string("email");
        String password = body.string("password");
        body.throwIfWrongTypes();
        return Responses.ok(Views.tokens(accounts.login(email, password), true));
    }

    private ApiResponse refresh(Call call) {
        Body body = call.body();
        String token = body.string("refreshToken");
        body.throwIfWrongTypes();
        return Responses.ok(Views.tokens(accounts.refresh(token), false));
    }

    private ApiResponse forgotPassword(Call call) {
        Body body = call.body();
        String email = body.string("email");
        body.throwIfWrongTypes();
        accounts.forgotPassword(email);
        return Responses.message("If an account exists for this email, a reset code is on its way.");
    }

    private ApiResponse resetPassword(Call call) {
        Body body = call.body();
        String email = body.string("email");
        String code = body.string("code");
        String newPassword = body.string("newPassword");
        body.throwIfWrongTypes();
        accounts.resetPassword(email, code, newPassword);
        return Responses.message("Password reset successfully. You can now login.");
    }

    private ApiResponse logout(Call call) {
        Body body = call.body();
        String token = body.string("refreshToken");
        body.throwIfWrongTypes();
        accounts.logout(token);
        return Responses.message("Logged out.");
    }

    private ApiResponse me(Call call) {
        User user = accounts.me(call.caller());
        return Responses.ok(Views.me(user, catalog.vendorOwnedBy(user.userId()), orders.stats(call.caller())));
    }

    private ApiResponse updateMe(Call call) {
        Body body = call.body();
        String name = body.string("name");
        String phone = body.string("phone");
        body.throwIfWrongTypes();
        User user = accounts.updateProfile(call.caller(), name, phone);
        return Responses.ok(Views.me(user, catalog.vendorOwnedBy(user.userId()), orders.stats(call.caller())));
    }

    private ApiResponse addresses(Call call) {
        return Responses.ok(Views.list(accounts.addresses(call.caller()), Views::address));
    }

    private ApiResponse address(Call call) {
        return Responses.ok(Views.address(accounts.address(call.caller(), call.path("addressId"))));
    }

    private ApiResponse addAddress(Call call) {
        return Responses.created(Views.address(accounts.addAddress(call.caller(), addressInput(call.body()))));
    }

    private ApiResponse replaceAddress(Call call) {
        AddressInput input = addressInput(call.body());
        return Responses.ok(Views.address(accounts.replaceAddress(call.caller(), call.path("addressId"), input)));
    }

    private ApiResponse deleteAddress(Call call) {
        accounts.deleteAddress(call.caller(), call.path("addressId"));
        return Responses.noContent();
    }

    private ApiResponse inbox(Call call) {
        return Responses.ok(Views.page(notifications.listForUser(call.caller().userId(), call.page()), Views::notification));
    }

    private static AddressInput addressInput(Body body) {
        AddressInput input = new AddressInput(body.string("label"), body.string("line1"), body.string("line2"),
                body.string("city"), body.string("state"), body.string("zipCode"), body.bool("isDefault"));
        body.throwIfWrongTypes();
        return input;
    }
}
