package com.milkrun.identity.cognito;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the user pool is and which app client MilkRun signs users in with, and from that, which issuer and which
 * JSON Web Key Set the ID tokens are checked against.
 *
 * <p>On AWS only the region, the pool id and the app client id are needed: the issuer is
 * {@code https://cognito-idp.<region>.amazonaws.com/<poolId>} and the keys are at {@code <issuer>/.well-known/jwks.json}.
 * With an {@code endpoint} (a local Cognito emulator such as cognito-local) the issuer becomes
 * {@code <endpoint>/<poolId>}, which is what such a server writes into its tokens when it is reached at the address it
 * listens on; {@code issuer} and {@code jwksUrl} override the derived values, for an emulator reached through another
 * address or an AWS endpoint other than the public one (VPC, FIPS), whose tokens still carry the public issuer.
 *
 * <p>{@link #fromEnvironment} reads:
 * <ul>
 *   <li>{@value #ENV_REGION} (required; Lambda sets it),</li>
 *   <li>{@value #ENV_USER_POOL_ID} (required),</li>
 *   <li>{@value #ENV_CLIENT_ID} (required: an app client without a secret),</li>
 *   <li>{@value #ENV_ENDPOINT} (optional: the endpoint of a local server, such as {@code http://127.0.0.1:9229}),</li>
 *   <li>{@value #ENV_ISSUER} and {@value #ENV_JWKS_URL} (optional overrides of the derived issuer and key set).</li>
 * </ul>
 */
public record CognitoSettings(String region, String userPoolId, String clientId, Optional<URI> endpoint,
                              Optional<String> issuerOverride, Optional<URI> jwksUrlOverride) {
    public static final String ENV_REGION = "AWS_REGION";
    public static final String ENV_USER_POOL_ID = "COGNITO_USER_POOL_ID";
    public static final String ENV_CLIENT_ID = "COGNITO_CLIENT_ID";
    public static final String ENV_ENDPOINT = "MILKRUN_COGNITO_ENDPOINT";
    public static final String ENV_ISSUER = "MILKRUN_COGNITO_ISSUER";
    public static final String ENV_JWKS_URL = "MILKRUN_COGNITO_JWKS_URL";

    public CognitoSettings {
        region = requireText(region, "region");
        userPoolId = requireText(userPoolId, "userPoolId");
        clientId = requireText(clientId, "clientId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(issuerOverride, "issuerOverride");
        Objects.requireNonNull(jwksUrlOverride, "jwksUrlOverride");
        endpoint.ifPresent(uri -> requireAbsolute(uri, "endpoint"));
        jwksUrlOverride.ifPresent(uri -> requireAbsolute(uri, "jwksUrlOverride"));
        issuerOverride.ifPresent(issuer -> requireText(issuer, "issuerOverride"));
    }

    /** A pool on AWS, with the issuer and key set derived from the region and the pool id. */
    public static CognitoSettings of(String region, String userPoolId, String clientId) {
        return new CognitoSettings(region, userPoolId, clientId, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The settings named by the environment variables listed on this type.
     *
     * @throws IllegalArgumentException naming every required variable that is missing, or a malformed URL
     */
    public static CognitoSettings fromEnvironment(Map<String, String> environment) {
        List<String> missing = new ArrayList<>();
        String region = value(environment, ENV_REGION).orElse(null);
        String poolId = value(environment, ENV_USER_POOL_ID).orElse(null);
        String clientId = value(environment, ENV_CLIENT_ID).orElse(null);
        if (region == null) {
            missing.add(ENV_REGION);
        }
        if (poolId == null) {
            missing.add(ENV_USER_POOL_ID);
        }
        if (clientId == null) {
            missing.add(ENV_CLIENT_ID);
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("The Cognito identity provider needs " + String.join(", ", missing));
        }
        return new CognitoSettings(region, poolId, clientId, uri(environment, ENV_ENDPOINT),
                value(environment, ENV_ISSUER), uri(environment, ENV_JWKS_URL));
    }

    /** The same pool reached through another endpoint, such as a local server. */
    public CognitoSettings withEndpoint(URI newEndpoint) {
        return new CognitoSettings(region, userPoolId, clientId, Optional.of(newEndpoint), issuerOverride, jwksUrlOverride);
    }

    /** The {@code iss} every ID token of the pool carries. */
    public String issuer() {
        return issuerOverride.orElseGet(() -> endpoint
                .map(uri -> withoutTrailingSlash(uri.toString()) + "/" + userPoolId)
                .orElse("https://cognito-idp." + region + ".amazonaws.com/" + userPoolId));
    }

    /** Where the pool publishes the public keys its tokens are signed with. */
    public URI jwksUrl() {
        return jwksUrlOverride.orElseGet(() -> URI.create(withoutTrailingSlash(issuer()) + "/.well-known/jwks.json"));
    }

    private static Optional<String> value(Map<String, String> environment, String name) {
        return Optional.ofNullable(environment.get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static Optional<URI> uri(Map<String, String> environment, String name) {
        return value(environment, name).map(v -> {
            try {
                return requireAbsolute(URI.create(v), name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " must be an absolute http(s) URL, got '" + v + "'", e);
            }
        });
    }

    private static URI requireAbsolute(URI uri, String name) {
        String scheme = uri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL, got '" + uri + "'");
        }
        return uri;
    }

    private static String withoutTrailingSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }
}
