package com.milkrun.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headers every page and file of the web UI is served with: what the browser may load and run, who may frame
 * the page, what leaks in the referrer. The API's JSON answers keep the router's own headers.
 *
 * <p>The built UI loads its script and stylesheet from this origin and has no inline script or style element, so
 * {@code 'self'} suffices; React's {@code style} properties go through the CSS object model, which the policy allows.
 * Product pictures may be any {@code https:} address a vendor gave (a blocked one falls back to the category's
 * drawing in the UI), and {@code data:} images are allowed for small icons.
 */
final class PageHeaders {
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: https:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * Powerful browser features the UI does not use are refused to it and to anything it might embed; geolocation
     * stays open to the page itself for the delivery agent's screens.
     */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(self), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    static final Map<String, String> ALL = all();

    private PageHeaders() {
    }

    private static Map<String, String> all() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Permissions-Policy", PERMISSIONS_POLICY);
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        return Map.copyOf(headers);
    }
}
