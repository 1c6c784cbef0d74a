package com.milkrun.identity;

import com.milkrun.accounts.TokenService;
import com.milkrun.accounts.User;
import com.milkrun.shared.DomainException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and checks RS256 JWTs shaped like those of a Cognito user pool, so that clients and the API handle local
 * and AWS tokens alike: the ID token carries the profile and {@code cognito:groups}, the access token carries
 * {@code client_id} and {@code scope} but no {@code aud}. Only ID tokens are accepted by {@link #verify}, as a Cognito
 * authorizer on a REST API does.
 *
 * <p>Verification is nimbus's {@link DefaultJWTProcessor}: RS256 only (so {@code none} and HMAC tokens made with the
 * public key as secret are refused before any signature check), header {@code typ} JWT, key chosen by {@code kid},
 * then the claims: exact {@code iss} and {@code token_use}, {@code aud} containing the client id, required
 * {@code sub}, {@code email}, {@code iat} and {@code exp}, and times judged by the injected clock with
 * {@value #MAX_CLOCK_SKEW_SECONDS} s of skew. Tokens are never logged or put in exception messages.
 *
 * <p>A token that passed is remembered (at most {@value #VERIFIED_CACHE_SIZE}, keyed by the whole token text, so a
 * token differing in any character is checked afresh) until the clock passes its {@code exp} plus the skew, the
 * moment the full check would refuse it: a client sends the same token with every request, and the RSA signature
 * check is most of a request's CPU. Only what the token proves is cached; whether its user is still enabled is
 * decided by whoever reads the user, on every request.
 */
public final class JwtTokenService implements TokenService {
    /** How far the clocks of the issuing and the checking process may disagree. */
    public static final int MAX_CLOCK_SKEW_SECONDS = 60;

    static final String CLAIM_EMAIL = "email";
    static final String CLAIM_EMAIL_VERIFIED = "email_verified";
    static final String CLAIM_NAME = "name";
    static final String CLAIM_PHONE_NUMBER = "phone_number";
    static final String CLAIM_COGNITO_USERNAME = "cognito:username";
    static final String CLAIM_COGNITO_GROUPS = "cognito:groups";
    static final String CLAIM_TOKEN_USE = "token_use";
    static final String CLAIM_AUTH_TIME = "auth_time";
    static final String CLAIM_SCOPE = "scope";
    static final String CLAIM_CLIENT_ID = "client_id";
    static final String CLAIM_USERNAME = "username";
    static final String ACCESS_SCOPE = "openid email profile";

    /** Verified tokens remembered at most; the map is emptied when full (tokens are re-verified then). */
    static final int VERIFIED_CACHE_SIZE = 4096;

    private static final String INVALID_TOKEN = "Invalid or expired token";
    private static final String EXPIRED_TOKEN = "Token has expired";

    private final String issuer;
    private final String clientId;
    private final RSAKey signingKey;
    private final JWSSigner signer;
    private final ConfigurableJWTProcessor<SecurityContext> idTokenProcessor;
    private final Clock clock;
    private final Map<String, VerifiedToken> verified = new ConcurrentHashMap<>();

    /**
     * @param issuer     the {@code iss} of every token, such as {@code http://localhost:8080}
     * @param clientId   the app client id: the ID token's {@code aud} and the access token's {@code client_id}
     * @param signingKey a private RSA key (at least 2048 bits) with a key id, as {@link SigningKeys#load} returns
     * @param clock      the time against which {@code exp} and {@code iat} are checked
     */
    public JwtTokenService(String issuer, String clientId, RSAKey signingKey, Clock clock) {
        this.issuer = requireText(issuer, "issuer");
        this.clientId = requireText(clientId, "clientId");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(clock, "clock");
        if (!signingKey.isPrivate()) {
            throw new IllegalArgumentException("The token signing key must include its private part");
        }
        requireText(signingKey.getKeyID(), "signingKey key id");
        this.signingKey = new RSAKey.Builder(signingKey).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build();
        try {
            this.signer = new RSASSASigner(this.signingKey);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("The token signing key cannot sign RS256: " + e.getMessage(), e);
        }
        this.idTokenProcessor = idTokenProcessor(this.signingKey, issuer, clientId, clock);
        this.clock = clock;
    }

    @Override
    public IssuedTokens issue(User user, Instant authTime, Instant now) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(now, "now");
        Date issuedAt = Date.from(now);
        Date expiresAt = Date.from(now.plusSeconds(TOKEN_SECONDS));
        List<String> groups = List.of(user.role().wireName());

        JWTClaimsSet.Builder id = new JWTClaimsSet.Builder()
                .subject(user.userId())
                .claim(CLAIM_EMAIL, user.email())
                .claim(CLAIM_EMAIL_VERIFIED, user.emailVerified())
                .claim(CLAIM_NAME, user.name());
        if (!user.phone().isBlank()) {
            id.claim(CLAIM_PHONE_NUMBER, user.phone());
        }
        id.claim(CLAIM_COGNITO_USERNAME, user.userId())
                .claim(CLAIM_COGNITO_GROUPS, groups)
                .claim(CLAIM_TOKEN_USE, "id")
                .issuer(issuer)
                .audience(clientId)
                .claim(CLAIM_AUTH_TIME, authTime.getEpochSecond())
                .issueTime(issuedAt)
                .expirationTime(expiresAt)
                .jwtID(UUID.randomUUID().toString());

        JWTClaimsSet access = new JWTClaimsSet.Builder()
                .subject(user.userId())
                .claim(CLAIM_COGNITO_GROUPS, groups)
                .claim(CLAIM_TOKEN_USE, "access")
                .claim(CLAIM_SCOPE, ACCESS_SCOPE)
                .claim(CLAIM_CLIENT_ID, clientId)
                .claim(CLAIM_USERNAME, user.userId())
                .issuer(issuer)
                .claim(CLAIM_AUTH_TIME, authTime.getEpochSecond())
                .issueTime(issuedAt)
                .expirationTime(expiresAt)
                .jwtID(UUID.randomUUID().toString())
                .build();

        return new IssuedTokens(sign(id.build()), sign(access), TOKEN_SECONDS);
    }

    @Override
    public VerifiedToken verify(String idToken) {
        if (idToken == null || idToken.isBlank()) {
            throw DomainException.unauthorized(INVALID_TOKEN);
        }
        VerifiedToken known = verified.get(idToken);
        if (known != null) {
            if (clock.instant().isBefore(known.expiresAt().plusSeconds(MAX_CLOCK_SKEW_SECONDS))) {
                return known;
            }
            verified.remove(idToken);
        }
        try {
            JWTClaimsSet claims = idTokenProcessor.process(idToken, null);
            VerifiedToken token = new VerifiedToken(claims.getSubject(), claims.getStringClaim(CLAIM_EMAIL),
                    claims.getExpirationTime().toInstant());
            if (verified.size() >= VERIFIED_CACHE_SIZE) {
                verified.clear();
            }
            verified.put(idToken, token);
            return token;
        } catch (ExpiredJWTException e) {
            throw DomainException.unauthorized(EXPIRED_TOKEN);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw DomainException.unauthorized(INVALID_TOKEN);
        }
    }

    @Override
    public String jwksJson() {
        return new JWKSet(signingKey.toPublicJWK()).toString(true);
    }

    private String sign(JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(signingKey.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            // The key was checked in the constructor; failing here means the JCA provider itself is broken.
            throw new IllegalStateException("Could not sign a token: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }

    private static ConfigurableJWTProcessor<SecurityContext> idTokenProcessor(
            RSAKey key, String issuer, String clientId, Clock clock) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))));
        processor.setJWTClaimsSetVerifier(new IdTokenClaimsVerifier(issuer, clientId, clock));
        return processor;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
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
                    Set.of(JWTClaimNames.SUBJECT, CLAIM_EMAIL, JWTClaimNames.ISSUED_AT, JWTClaimNames.EXPIRATION_TIME),
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
        }
    }
}
