package com.milkrun.http;

import com.milkrun.http.limits.RateLimits;
import java.util.List;

/**
 * Settings of the API edge.
 *
 * @param maxBodyBytes  larger request bodies are refused with 413
 * @param corsOrigins   origins allowed to call the API from a browser on another origin ({@code *} for any)
 * @param devMailbox    whether {@code GET /dev/mailbox} exists (local deployment only: it shows everyone's codes)
 * @param logLevel      {@code DEBUG}, {@code INFO}, {@code WARN} or {@code ERROR}
 * @param limits        requests per client and account, and failed attempts per client
 */
public record ApiSettings(int maxBodyBytes, List<String> corsOrigins, boolean devMailbox, String logLevel,
                          RateLimits limits) {
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public ApiSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }

    public static ApiSettings defaults() {
        return new ApiSettings(DEFAULT_MAX_BODY_BYTES, List.of(), false, "INFO", RateLimits.defaults());
    }
}
