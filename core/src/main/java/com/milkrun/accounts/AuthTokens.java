package com.milkrun.accounts;

/** What a successful sign-in or refresh hands to the client. */
public record AuthTokens(String accessToken, String idToken, String refreshToken, long expiresIn, User user) {
}
