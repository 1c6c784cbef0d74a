package com.milkrun.identity.cognito;

import com.milkrun.access.Role;
import com.milkrun.accounts.TokenService;
import com.milkrun.shared.DomainException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the ID tokens of a Cognito user pool locally, without a call per request: the pool's public keys are
 * fetched from its JWKS URL once and cached by nimbus (fetched again when a token names a key id the cache does not
 * know, at most once in a while).
 *
 * <p>A token passes only if: it is a signed JWT with {@code alg} RS256 (so {@code none}, HMAC made with the public key
 * as secret, and other RSA algorithms are refused before any signature check), signed by a key of the pool's set,
 * {@code iss} is the pool's issuer exactly, {@code aud} contains the app client id, {@code token_use} is {@code id}
 * (access tokens carry no {@code aud} and are refused), it has {@code sub}, {@code email}, {@value #USER_ID_CLAIM},
 * {@code iat} and {@code exp}, has not expired, and was not issued in the future; times are judged by the injected
 * clock with {@value #MAX_CLOCK_SKEW_SECONDS} s of skew. Tokens are never logged or put in exception messages.
 */
public final class IdTokenVerifier {
    /** How far the clocks of Cognito and of this process may disagree. */
    public static final int MAX_CLOCK_SKEW_SECONDS = 60;
    /** The claim that carries MilkRun's user id: the user pool's custom attribute {@code userId}. */
    public static final String USER_ID_CLAIM = "custom:userId";

    static final String CLAIM_EMAIL = "email";
    static final String CLAIM_GROUPS = "cognito:groups";
    static final String CLAIM_TOKEN_USE = "token_use";

    private static final int JWKS_TIMEOUT_MILLIS = 2_000;
    private static final int JWKS_SIZE_LIMIT_BYTES = 64 * 1024;
    private static final String INVALID_TOKEN = "Invalid or expired token";
    private static final String EXPIRED_TOKEN = "Token has expired";

    private final DefaultJWTProcessor<SecurityContext> processor;

    /**
     * @param issuer   the pool's issuer, {@link CognitoSettings#issuer()}
     * @param clientId the app client whose tokens are accepted (their {@code aud})
     * @param keys     the pool's public keys
     * @param clock    the time against which {@code exp} and {@code iat} are checked
     */
    public IdTokenVerifier(String issuer, String clientId, JWKSource<SecurityContext> keys, Clock clock) {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(clock, "clock");
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new IdTokenClaimsVerifier(issuer, clientId, clock));
    }

    /** A verifier of the pool's tokens with its keys read from {@link CognitoSettings#jwksUrl()} and cached. */
    public static IdTokenVerifier forPool(CognitoSettings settings, Clock clock) {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(settings.jwksUrl().toURL(),
                            new DefaultResourceRetriever(JWKS_TIMEOUT_MILLIS, JWKS_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT_BYTES))
                    .retrying(true)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("The JWKS URL " + settings.jwksUrl() + " is not a URL", e);
        }
        return new IdTokenVerifier(settings.issuer(), settings.clientId(), keys, clock);
    }

    /**
     * The user an ID token names, if it passes every check.
     *
     * @throws DomainException {@code Unauthorized} for any token that fails a check
     * @throws IllegalStateException when the pool's keys cannot be read (an outage, not the caller's fault)
     */
    public IdToken verify(String idToken) {
        if (idToken == null || idToken.isBlank()) {
            throw DomainException.unauthorized(INVALID_TOKEN);
        }
        JWTClaimsSet claims;
        try {
            claims = processor.process(idToken, null);
        } catch (ExpiredJWTException e) {
            throw DomainException.unauthorized(EXPIRED_TOKEN);
        } catch (RateLimitReachedException e) {
            // An unknown key id made the cache refetch too often: the token names a key the pool does not have.
            throw DomainException.unauthorized(INVALID_TOKEN);
        } catch (KeySourceException e) {
            throw new IllegalStateException("The user pool's signing keys could not be read: " + e.getMessage(), e);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw DomainException.unauthorized(INVALID_TOKEN);
        }
        try {
            return new IdToken(claims.getStringClaim(USER_ID_CLAIM), claims.getSubject(),
                    claims.getStringClaim(CLAIM_EMAIL), roles(claims.getStringListClaim(CLAIM_GROUPS)),
                    claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant());
        } catch (ParseException e) {
            throw DomainException.unauthorized(INVALID_TOKEN);
        }
    }

    private static Set<Role> roles(List<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Optional.ofNullable(groups).orElse(List.of())
                .forEach(group -> Role.fromWireName(group).ifPresent(roles::add));
        return Collections.unmodifiableSet(roles);
    }

    /**
     * What a verified ID token says.
     *
     * @param userId    MilkRun's user id ({@value #USER_ID_CLAIM})
     * @param sub       Cognito's own id of the user
     * @param roles     the MilkRun roles among the user's {@code cognito:groups} (other groups are left out)
     */
    public record IdToken(String userId, String sub, String email, Set<Role> roles, Instant issuedAt,
                          Instant expiresAt) {
        public IdToken {
            roles = Set.copyOf(roles);
        }

        /** What the identity provider port answers. */
        public TokenService.VerifiedToken asVerifiedToken() {
            return new TokenService.VerifiedToken(userId, email, expiresAt);
        }

        /** The token's lifetime in seconds, as a sign-in reports it. */
        public long lifetimeSeconds() {
            return expiresAt.getEpochSecond() - issuedAt.getEpochSecond();
        }
    }

    /**
     * nimbus's claims checks with the time taken from the injected clock, plus the one check nimbus leaves out: an
     * {@code iat} later than now (beyond the skew) means a forged or badly clocked token.
     */
    private static final class IdTokenClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext> {
        private final Clock clock;

        IdTokenClaimsVerifier(String issuer, String clientId, Clock clock) {
            super(Collections.singleton(clientId),
                    new JWTClaimsSet.Builder().issuer(issuer).claim(CLAIM_TOKEN_USE, "id").build(),
                    Set.of(JWTClaimNames.SUBJECT, CLAIM_EMAIL, USER_ID_CLAIM, JWTClaimNames.ISSUED_AT,
                            JWTClaimNames.EXPIRATION_TIME),
                    null);
            this.clock = clock;
            setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
        }

        @Override
        protected Date currentTime() {
            return Date.from(clock.instant());
        }

        @Override
        public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
            super.verify(claims, context);
            Instant latestAcceptable = currentTime().toInstant().plusSeconds(getMaxClockSkew());
            if (claims.getIssueTime().toInstant().isAfter(latestAcceptable)) {
                throw new BadJWTException("JWT issued in the future");
            }
            try {
                if (claims.getStringClaim(USER_ID_CLAIM).isBlank() || claims.getStringClaim(CLAIM_EMAIL).isBlank()) {
                    throw new BadJWTException("JWT names no user");
                }
            } catch (ParseException e) {
                throw new BadJWTException("JWT user claims are not strings", e);
            }
        }
    }
}
