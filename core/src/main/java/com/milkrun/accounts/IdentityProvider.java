package com.milkrun.accounts;

import com.milkrun.access.Role;

/**
 * Sign-up, sign-in and tokens. Locally {@link LocalIdentityProvider} does this itself; on AWS a Cognito adapter does
 * it, and the rest of MilkRun cannot tell the difference. The user's profile is kept by {@link UserStore}, not here.
 */
public interface IdentityProvider {
    /**
     * Creates the sign-in identity of a new user and sends the verification code.
     *
     * @throws com.milkrun.shared.DomainException {@code UserExists} (409), {@code InvalidPassword} (400)
     */
    void signUp(User user, String password);

    /** Undoes {@link #signUp} when the profile could not be stored. */
    void deleteIdentity(String userId);

    /**
     * Confirms the email with the code that was sent.
     *
     * @throws com.milkrun.shared.DomainException {@code InvalidCode} (400) for a wrong, used up or expired code
     */
    void confirmSignUp(String email, String code);

    /** Sends a fresh verification code if the email belongs to an unverified account; silent otherwise. */
    void resendCode(String email);

    /**
     * @throws com.milkrun.shared.DomainException {@code InvalidCredentials} (401), {@code EmailNotVerified} (403),
     *         {@code AccountDisabled} (403), {@code TooManyAttempts} (429)
     */
    AuthTokens signIn(String email, String password);

    /** @throws com.milkrun.shared.DomainException {@code InvalidRefreshToken} (401) */
    AuthTokens refresh(String refreshToken);

    /** Sends a reset code if the email is known; silent otherwise, so that accounts cannot be discovered. */
    void forgotPassword(String email);

    /** @throws com.milkrun.shared.DomainException {@code InvalidCode} (400), {@code InvalidPassword} (400) */
    void confirmForgotPassword(String email, String code, String newPassword);

    /** Revokes the refresh token's whole sign-in; unknown tokens are ignored. */
    void signOut(String refreshToken);

    /** Ends every sign-in of a user (disabled by an admin). */
    void signOutEverywhere(String userId);

    /**
     * An admin changed the user's role: an identity provider that carries roles in its tokens (a Cognito pool's
     * {@code cognito:groups}) keeps them in step. MilkRun itself reads the role from the user store on every request,
     * so the local provider, whose tokens are checked against that store, keeps nothing.
     */
    default void roleChanged(String userId, Role role) {
    }

    /**
     * Checks a bearer token and returns the user it names.
     *
     * @throws com.milkrun.shared.DomainException {@code Unauthorized} (401)
     */
    TokenService.VerifiedToken verify(String idToken);
}
