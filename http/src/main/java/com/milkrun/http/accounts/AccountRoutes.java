package com.milkrun.http.accounts;

import com.milkrun.access.Capability;
import com.milkrun.accounts.AddressInput;
import com.milkrun.accounts.EmailVerification;
import com.milkrun.accounts.Login;
import com.milkrun.accounts.MyAccount;
import com.milkrun.accounts.PasswordReset;
import com.milkrun.accounts.ProfileChange;
import com.milkrun.accounts.Registration;
import com.milkrun.accounts.SignIn;
import com.milkrun.accounts.User;
import com.milkrun.catalog.VendorPortal;
import com.milkrun.http.ApiResponse;
import com.milkrun.http.Body;
import com.milkrun.http.Call;
import com.milkrun.http.Responses;
import com.milkrun.http.Route;
import com.milkrun.http.Services;
import com.milkrun.http.JsonViews;
import com.milkrun.http.notifications.NotificationViews;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.http.limits.AttemptGuard;
import com.milkrun.accounts.AuthTokens;
import com.milkrun.http.RefreshCookie;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.List;
import java.util.Map;

/** {@code /auth/*}, {@code /users/me} and the caller's addresses and inbox. */
public final class AccountRoutes {
    private final SignIn signIn;
    private final MyAccount account;
    private final VendorPortal vendorPortal;
    private final NotificationStore notifications;
    private final com.milkrun.orders.OrderQueries orders;

    public AccountRoutes(Services services) {
        this.signIn = services.signIn();
        this.account = services.myAccount();
        this.vendorPortal = services.vendorPortal();
        this.notifications = services.notifications();
        this.orders = services.orders().queries();
    }

    public List<Route> routes() {
        return List.of(
                Route.open("POST", "/auth/register", "Register", this::register).guarding(AttemptGuard.Kind.SEND, "email"),
                Route.open("POST", "/auth/verify", "VerifyEmail", this::verify).guarding(AttemptGuard.Kind.CODE, "email"),
                Route.open("POST", "/auth/resend-code", "ResendCode", this::resendCode).guarding(AttemptGuard.Kind.SEND, "email"),
                Route.open("POST", "/auth/login", "Login", this::login).guarding(AttemptGuard.Kind.PASSWORD, "email"),
                Route.open("POST", "/auth/refresh", "RefreshTokens", this::refresh),
                Route.open("POST", "/auth/forgot-password", "ForgotPassword", this::forgotPassword)
                        .guarding(AttemptGuard.Kind.SEND, "email"),
                Route.open("POST", "/auth/reset-password", "ResetPassword", this::resetPassword)
                        .guarding(AttemptGuard.Kind.CODE, "email"),
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
        Registration form = new Registration(body.string("email"), body.string("password"), body.string("name"),
                body.string("phone"));
        body.throwIfWrongTypes();
        User user = signIn.register(form);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("userId", user.userId());
        answer.put("email", user.email());
        answer.put("message", "Registration successful. Please check your email to verify your account.");
        answer.put("emailVerificationRequired", true);
        return Responses.ok(answer);
    }

    private ApiResponse verify(Call call) {
        Body body = call.body();
        EmailVerification form = new EmailVerification(body.string("email"), body.string("code"));
        body.throwIfWrongTypes();
        signIn.verifyEmail(form);
        return Responses.message("Email verified successfully. You can now login.");
    }

    private ApiResponse resendCode(Call call) {
        Body body = call.body();
        String email = body.string("email");
        body.throwIfWrongTypes();
        signIn.resendCode(email);
        return Responses.message("If the account exists and is not verified yet, a new code is on its way.");
    }

    private ApiResponse login(Call call) {
        Body body = call.body();
        Login form = new Login(body.string("email"), body.string("password"));
        body.throwIfWrongTypes();
        return tokens(call, signIn.login(form), true, RefreshCookie.wanted(call.request()));
    }

    /** Exchanges the refresh token of the body, or else of the cookie, keeping it where it came from. */
    private ApiResponse refresh(Call call) {
        PresentedToken token = presentedToken(call);
        return tokens(call, signIn.refresh(token.value()), false, token.inCookie());
    }

    /** A refresh token as the request presents it: in the body, or else in the {@link RefreshCookie}. */
    private record PresentedToken(String value, boolean inCookie) {
    }

    private static PresentedToken presentedToken(Call call) {
        Body body = call.body();
        String token = body.string("refreshToken");
        body.throwIfWrongTypes();
        if (token == null) {
            Optional<String> cookie = RefreshCookie.read(call.request());
            if (cookie.isPresent()) {
                return new PresentedToken(cookie.get(), true);
            }
        }
        return new PresentedToken(token, false);
    }

    private static ApiResponse tokens(Call call, AuthTokens tokens, boolean withUser, boolean inCookie) {
        Map<String, Object> view = AccountViews.tokens(tokens, withUser);
        if (!inCookie) {
            return Responses.ok(view);
        }
        view.remove("refreshToken");
        return Responses.ok(view).withHeader("Set-Cookie", RefreshCookie.set(tokens.refreshToken()));
    }

    private ApiResponse forgotPassword(Call call) {
        Body body = call.body();
        String email = body.string("email");
        body.throwIfWrongTypes();
        signIn.forgotPassword(email);
        return Responses.message("If an account exists for this email, a reset code is on its way.");
    }

    private ApiResponse resetPassword(Call call) {
        Body body = call.body();
        PasswordReset form = new PasswordReset(body.string("email"), body.string("code"), body.string("newPassword"));
        body.throwIfWrongTypes();
        signIn.resetPassword(form);
        return Responses.message("Password reset successfully. You can now login.");
    }

    private ApiResponse logout(Call call) {
        PresentedToken token = presentedToken(call);
        signIn.logout(token.value());
        ApiResponse answer = Responses.message("Logged out.");
        return token.inCookie() || RefreshCookie.wanted(call.request())
                ? answer.withHeader("Set-Cookie", RefreshCookie.clear())
                : answer;
    }

    private ApiResponse me(Call call) {
        return Responses.ok(profile(call, account.me(call.caller())));
    }

    private ApiResponse updateMe(Call call) {
        Body body = call.body();
        ProfileChange change = new ProfileChange(body.string("name"), body.string("phone"));
        body.throwIfWrongTypes();
        return Responses.ok(profile(call, account.updateProfile(call.caller(), change)));
    }

    private Map<String, Object> profile(Call call, User user) {
        return AccountViews.me(user, vendorPortal.vendorOwnedBy(user.userId()), orders.stats(call.caller()));
    }

    private ApiResponse addresses(Call call) {
        return Responses.ok(JsonViews.list(account.addresses(call.caller()), AccountViews::address));
    }

    private ApiResponse address(Call call) {
        return Responses.ok(AccountViews.address(account.address(call.caller(), call.path("addressId"))));
    }

    private ApiResponse addAddress(Call call) {
        return Responses.created(AccountViews.address(account.addAddress(call.caller(), addressInput(call.body()))));
    }

    private ApiResponse replaceAddress(Call call) {
        AddressInput input = addressInput(call.body());
        return Responses.ok(AccountViews.address(account.replaceAddress(call.caller(), call.path("addressId"), input)));
    }

    private ApiResponse deleteAddress(Call call) {
        account.deleteAddress(call.caller(), call.path("addressId"));
        return Responses.noContent();
    }

    private ApiResponse inbox(Call call) {
        return Responses.ok(JsonViews.page(notifications.listForUser(call.caller().userId(), call.page()), NotificationViews::notification));
    }

    private static AddressInput addressInput(Body body) {
        AddressInput input = new AddressInput(body.string("label"), body.string("line1"), body.string("line2"),
                body.string("city"), body.string("state"), body.string("zipCode"), body.bool("isDefault"));
        body.throwIfWrongTypes();
        return input;
    }
}
