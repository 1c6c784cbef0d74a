package com.milkrun.accounts;

import com.milkrun.access.Principal;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Ids;
import com.milkrun.shared.Retry;
import com.milkrun.shared.Validation;
import com.milkrun.shared.ValidationException;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Getting in and out: register, verify the email, sign in, refresh, reset a forgotten password, sign out, and
 * identifying the caller of a request. The mechanics belong to the {@link IdentityProvider}; this class checks the
 * input and keeps the user's profile in step with it.
 */
public final class SignIn {
    private final UserStore users;
    private final IdentityProvider identity;
    private final Clock clock;

    public SignIn(UserStore users, IdentityProvider identity, Clock clock) {
        this.users = users;
        this.identity = identity;
        this.clock = clock;
    }

    /**
     * Registers a customer and sends the verification code.
     *
     * @throws ValidationException "Email, password, and name are required" when one is missing
     * @throws DomainException {@code UserExists}, {@code InvalidPassword}
     */
    public User register(Registration form) {
        String email = form.email();
        String password = form.password();
        String name = form.name();
        if (isBlank(email) || password == null || password.isEmpty() || isBlank(name)) {
            Validation missing = new Validation();
            if (isBlank(email)) missing.add("email", "Email is required", "MISSING_EMAIL");
            if (password == null || password.isEmpty()) missing.add("password", "Password is required", "MISSING_PASSWORD");
            if (isBlank(name)) missing.add("name", "Name is required", "MISSING_NAME");
            throw new ValidationException("Email, password, and name are required", missing.errors());
        }
        Validation check = new Validation();
        String cleanEmail = check.email("email", email);
        String cleanName = check.text("name", name, 100, "Name");
        String cleanPhone = check.optionalPhone("phone", form.phone());
        check.throwIfInvalid();
        PasswordPolicy.check(password);
        if (users.findByEmail(cleanEmail).isPresent()) {
            throw LocalIdentityProvider.userExists();
        }
        User user = User.registered(Ids.newId("user"), cleanEmail, cleanName, cleanPhone, clock.instant());
        identity.signUp(user, password);
        try {
            return users.create(user);
        } catch (RuntimeException e) {
            identity.deleteIdentity(user.userId());
            throw e;
        }
    }

    public void verifyEmail(EmailVerification form) {
        requireFields(form.email(), form.code(), "code");
        String email = normalise(form.email());
        identity.confirmSignUp(email, form.code());
        users.findByEmail(email).ifPresent(u -> Retry.onConflict(() ->
                users.update(users.get(u.userId()).orElseThrow().withEmailVerified(clock.instant()))));
    }

    public void resendCode(String email) {
        requireEmail(email);
        identity.resendCode(normalise(email));
    }

    public AuthTokens login(Login form) {
        requireFields(form.email(), form.password(), "password");
        return identity.signIn(normalise(form.email()), form.password());
    }

    public AuthTokens refresh(String refreshToken) {
        requireRefreshToken(refreshToken);
        return identity.refresh(refreshToken);
    }

    public void forgotPassword(String email) {
        requireEmail(email);
        identity.forgotPassword(normalise(email));
    }

    public void resetPassword(PasswordReset form) {
        Validation check = new Validation();
        check.email("email", form.email());
        check.text("code", form.code(), 20, "Code");
        if (form.newPassword() == null || form.newPassword().isEmpty()) {
            check.add("newPassword", "New password is required", "MISSING_NEW_PASSWORD");
        }
        check.throwIfInvalid();
        identity.confirmForgotPassword(normalise(form.email()), form.code(), form.newPassword());
    }

    public void logout(String refreshToken) {
        requireRefreshToken(refreshToken);
        identity.signOut(refreshToken);
    }

    /**
     * Identifies the caller of a request from its bearer token.
     *
     * @throws DomainException {@code Unauthorized} (401) for a bad token or an unknown user, {@code AccountDisabled} (403)
     */
    public Principal authenticate(String idToken) {
        return authenticate(idToken, userId -> { });
    }

    /**
     * Identifies the caller of a request from its bearer token, and once the token is verified, before the caller's
     * account is read and checked, lets the request read ahead for the user it names: a read that fetches the account
     * together with what the request needs next hands it to the user store ({@link RequestScopedUsers#remember}), and
     * the check below uses it.
     *
     * @param readAhead called with the verified token's user id; what it reads must stay unseen until the caller
     *                  has passed this check and the route's own
     * @throws DomainException {@code Unauthorized} (401) for a bad token or an unknown user, {@code AccountDisabled} (403)
     */
    public Principal authenticate(String idToken, Consumer<String> readAhead) {
        TokenService.VerifiedToken token = identity.verify(idToken);
        readAhead.accept(token.userId());
        User user = users.get(token.userId()).orElseThrow(() -> DomainException.unauthorized("Invalid or expired token"));
        if (user.disabled()) {
            throw LocalIdentityProvider.accountDisabled();
        }
        return new Principal(user.userId(), user.email(), user.name(), user.role());
    }

    private static void requireRefreshToken(String refreshToken) {
        if (isBlank(refreshToken)) {
            throw ValidationException.of("refreshToken", "Refresh token is required", "MISSING_REFRESH_TOKEN");
        }
    }

    private static void requireEmail(String email) {
        Validation check = new Validation();
        check.email("email", email);
        check.throwIfInvalid();
    }

    private static void requireFields(String email, String other, String otherField) {
        Validation check = new Validation();
        check.email("email", email);
        if (other == null || other.isEmpty()) {
            check.add(otherField, capitalise(otherField) + " is required", "MISSING_" + otherField.toUpperCase(Locale.ROOT));
        }
        check.throwIfInvalid();
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
