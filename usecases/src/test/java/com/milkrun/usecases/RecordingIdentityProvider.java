package com.milkrun.usecases;

import com.milkrun.access.Role;
import com.milkrun.accounts.AuthTokens;
import com.milkrun.accounts.IdentityProvider;
import com.milkrun.accounts.TokenService;
import com.milkrun.accounts.User;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An identity provider that remembers what it was asked, so that a use case's part (checking input, keeping the
 * profile in step) is tested apart from the sign-in mechanics that {@code LocalIdentityProvider}'s own tests cover.
 * Tokens are the user id itself; a code is right when it is {@link #GOOD_CODE}.
 */
final class RecordingIdentityProvider implements IdentityProvider {
    static final String GOOD_CODE = "123456";

    final List<String> calls = new ArrayList<>();
    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, User> byEmail = new HashMap<>();

    @Override
    public void signUp(User user, String password) {
        calls.add("signUp " + user.email());
        passwords.put(user.email(), password);
        byEmail.put(user.email(), user);
    }

    @Override
    public void deleteIdentity(String userId) {
        calls.add("deleteIdentity " + userId);
    }

    @Override
    public void confirmSignUp(String email, String code) {
        calls.add("confirmSignUp " + email);
        if (!GOOD_CODE.equals(code)) {
            throw new DomainException(Failure.INVALID, "InvalidCode", "Invalid verification code");
        }
    }

    @Override
    public void resendCode(String email) {
        calls.add("resendCode " + email);
    }

    @Override
    public AuthTokens signIn(String email, String password) {
        calls.add("signIn " + email);
        if (!password.equals(passwords.get(email))) {
            throw new DomainException(Failure.UNAUTHENTICATED, "InvalidCredentials", "Invalid email or password");
        }
        User user = byEmail.get(email);
        return new AuthTokens(user.userId(), user.userId(), "refresh-" + user.userId(), 3600, user);
    }

    @Override
    public AuthTokens refresh(String refreshToken) {
        calls.add("refresh " + refreshToken);
        throw new DomainException(Failure.UNAUTHENTICATED, "InvalidRefreshToken", "Invalid refresh token");
    }

    @Override
    public void roleChanged(String userId, Role role) {
        calls.add("roleChanged " + userId + " " + role.wireName());
    }

    @Override
    public void forgotPassword(String email) {
        calls.add("forgotPassword " + email);
    }

    @Override
    public void confirmForgotPassword(String email, String code, String newPassword) {
        calls.add("confirmForgotPassword " + email);
    }

    @Override
    public void signOut(String refreshToken) {
        calls.add("signOut " + refreshToken);
    }

    @Override
    public void signOutEverywhere(String userId) {
        calls.add("signOutEverywhere " + userId);
    }

    @Override
    public TokenService.VerifiedToken verify(String idToken) {
        return new TokenService.VerifiedToken(idToken, "", Instant.EPOCH);
    }
}
