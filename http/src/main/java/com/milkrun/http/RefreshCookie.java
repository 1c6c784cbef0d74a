package com.milkrun.http;

import java.util.Optional;

/**
 * The refresh token in an {@code HttpOnly} cookie, for the web UI: page scripts never see it, so a script injected
 * into a page cannot steal a sign-in that lasts 30 days. A client asks for it with the header
 * {@code X-MilkRun-Refresh: cookie} on sign-in; other clients keep getting the token in the body, as before. The
 * cookie is {@code SameSite=Strict} and sent only to {@code /auth} (refresh and logout), never with other requests.
 */
public final class RefreshCookie {
    public static final String NAME = "milkrun_refresh";
    public static final String REQUEST_HEADER = "X-MilkRun-Refresh";
    private static final String ATTRIBUTES = "; Path=/auth; HttpOnly; Secure; SameSite=Strict";
    private static final long MAX_AGE_SECONDS = 30L * 24 * 60 * 60;

    private RefreshCookie() {
    }

    /** Whether the client asked for the refresh token in the cookie rather than in the body. */
    public static boolean wanted(ApiRequest request) {
        return request.header(REQUEST_HEADER).map(v -> v.strip().equalsIgnoreCase("cookie")).orElse(false);
    }

    /** The refresh token the request's cookie carries, if any. */
    public static Optional<String> read(ApiRequest request) {
        return request.header("cookie").flatMap(header -> {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(NAME)) {
                    String value = pair.substring(eq + 1).strip();
                    return value.isEmpty() ? Optional.empty() : Optional.of(value);
                }
            }
            return Optional.empty();
        });
    }

    /** A {@code Set-Cookie} value that stores {@code refreshToken} for as long as it is valid. */
    public static String set(String refreshToken) {
        return NAME + "=" + refreshToken + "; Max-Age=" + MAX_AGE_SECONDS + ATTRIBUTES;
    }

    /** A {@code Set-Cookie} value that removes the cookie. */
    public static String clear() {
        return NAME + "=; Max-Age=0" + ATTRIBUTES;
    }
}
