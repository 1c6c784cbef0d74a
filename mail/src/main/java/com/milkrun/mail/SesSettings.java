package com.milkrun.mail;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and as whom to send email through Amazon SES (the SES v2 API). On AWS only the region and the from address
 * are needed; the endpoint override points the sender at an SES-compatible server on this machine instead.
 *
 * <p>The composition root fills it from these environment variables:
 * <ul>
 *   <li>{@code MILKRUN_SES_FROM}: {@link #from()}, required;</li>
 *   <li>{@code AWS_REGION}: {@link #region()}, set by Lambda itself (MilkRun runs in {@code ap-south-1});</li>
 *   <li>{@code MILKRUN_SES_ENDPOINT}: {@link #endpoint()}, unset on AWS;</li>
 *   <li>{@code MILKRUN_SES_CONFIGURATION_SET}: {@link #configurationSet()}, unset to send without one.</li>
 * </ul>
 * Credentials are not settings: on AWS they come from the function's role through the SDK's default chain.
 *
 * @param region           the AWS region whose SES sends the mail, such as {@code ap-south-1}; the from address
 *                         (or its domain) must be a verified identity there
 * @param from             the sender, such as {@code MilkRun <no-reply@milkrun.example>}
 * @param endpoint         an SES-compatible server to use instead of the region's SES endpoint, such as
 *                         {@code http://127.0.0.1:8005}
 * @param configurationSet the SES configuration set each email is sent with (event publishing, dedicated IPs,
 *                         suppression overrides), when there is one
 */
public record SesSettings(String region, String from, Optional<URI> endpoint, Optional<String> configurationSet) {
    public SesSettings {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(configurationSet, "configurationSet");
        if (region.isBlank()) {
            throw new IllegalArgumentException("SES region must not be blank");
        }
        if (from.isBlank()) {
            throw new IllegalArgumentException("SES from address must not be blank");
        }
        endpoint.ifPresent(SesSettings::requireHttpEndpoint);
        configurationSet = configurationSet.map(String::strip).filter(name -> !name.isEmpty());
    }

    /** Settings for SES itself in {@code region}, without a configuration set. */
    public static SesSettings onAws(String region, String from) {
        return new SesSettings(region, from, Optional.empty(), Optional.empty());
    }

    /** Settings for an SES-compatible server at {@code endpoint}, without a configuration set. */
    public static SesSettings local(URI endpoint, String region, String from) {
        return new SesSettings(region, from, Optional.of(endpoint), Optional.empty());
    }

    /** The same settings, sending every email with the configuration set {@code name}. */
    public SesSettings withConfigurationSet(String name) {
        return new SesSettings(region, from, endpoint, Optional.of(name));
    }

    /** Where requests go: the endpoint override, or {@code SES in <region>}; for messages and logs. */
    public String destination() {
        return endpoint.map(URI::toString).orElse("SES in " + region);
    }

    private static void requireHttpEndpoint(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("SES endpoint must be an http or https URL with a host, was " + endpoint);
        }
    }
}
