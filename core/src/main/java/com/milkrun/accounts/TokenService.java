package com.milkrun.accounts;

import java.time.Instant;

/** Signs and checks the ID and access tokens (RS256 JWTs shaped like Cognito's). */
public interface TokenService {
    /** Lifetime of ID and access tokens, in seconds. */
    long TOKEN_SECONDS = 3600;

    /** Issues an ID token and an access token for the user, valid for {@link #TOKEN_SECONDS}. */
    IssuedTokens issue(User user, Instant authTime, Instant now);

    /**
     * Checks an ID token: signature, algorithm, issuer, audience, expiry and {@code token_use}.
     *
     * @throws com.milkrun.shared.DomainException {@code Unauthorized} for any token that fails a check
     */
    VerifiedToken verify(String idToken);

    /** The public keys as a JSON Web Key Set document. */
    String jwksJson();

    record IssuedTokens(String idToken, String accessToken, long expiresIn) {
    }

    record VerifiedToken(String userId, String email, Instant expiresAt) {
    }
}
