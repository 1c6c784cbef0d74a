package com.milkrun.identity.cognito;

import static com.milkrun.identity.cognito.PoolFixture.PASSWORD;
import static com.milkrun.identity.cognito.PoolFixture.newEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.access.Role;
import com.milkrun.accounts.AuthTokens;
import com.milkrun.accounts.User;
import com.milkrun.identity.cognito.testing.CognitoServer;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;

/**
 * ID token checks against the local Cognito server's key set: real tokens, real tokens changed by a byte, tokens signed
 * with a key of our own, and tokens signed with the server's own key (it ships in the emulator's package) whose
 * signature is valid but one claim or the algorithm is wrong, so that each check is seen refusing on its own.
 */
class IdTokenVerifierTest {
    private static final Instant NOW = Instant.now();

    private final PoolFixture fixture = new PoolFixture();
    private final CognitoServer.Pool pool = fixture.pool;
    private final IdTokenVerifier verifier = IdTokenVerifier.forPool(pool.settings(), Clock.systemUTC());
    private final RSAKey poolKey = fixture.server.signingKey();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aRealIdTokenNamesTheMilkRunUserWithTheRoleOfItsGroup() {
        User user = fixture.signUpConfirmed(newEmail("real"));
        AuthTokens tokens = fixture.provider.signIn(user.email(), PASSWORD);

        IdTokenVerifier.IdToken token = verifier.verify(tokens.idToken());

        assertThat(token.userId()).isEqualTo(user.userId());
        assertThat(token.email()).isEqualTo(user.email());
        assertThat(token.roles()).containsExactly(Role.CUSTOMER);
        assertThat(token.lifetimeSeconds()).isEqualTo(3600);
    }

    @Test
    void aRealTokenWithAByteOfItsSignatureFlippedIsRefused() throws ParseException {
        String idToken = realIdToken();
        Base64URL[] parts = SignedJWT.parse(idToken).getParsedParts();
        byte[] signature = parts[2].decode();
        signature[signature.length / 2] ^= 0x01;

        assertUnauthorized(parts[0] + "." + parts[1] + "." + Base64URL.encode(signature));
    }

    @Test
    void aRealTokenWhoseClaimsNameAnotherUserIsRefused() throws ParseException {
        String idToken = realIdToken();
        SignedJWT jwt = SignedJWT.parse(idToken);
        Map<String, Object> claims = jwt.getJWTClaimsSet().toJSONObject();
        claims.put(IdTokenVerifier.USER_ID_CLAIM, "user-someone-else");
        Base64URL forgedPayload = Base64URL.encode(JWTClaimsSet.parse(claims).toString());

        assertUnauthorized(jwt.getHeader().toBase64URL() + "." + forgedPayload + "." + jwt.getSignature());
    }

    @Test
    void aRealAccessTokenIsRefused() {
        User user = fixture.signUpConfirmed(newEmail("access"));

        assertUnauthorized(fixture.provider.signIn(user.email(), PASSWORD).accessToken());
    }

    @Test
    void aRealIdTokenOfAnotherAppClientOfThePoolIsRefused() {
        User user = fixture.signUpConfirmed(newEmail("otherclient"));
        String otherClient = fixture.server.newAppClient(pool.id());

        String idToken = fixture.client.initiateAuth(b -> b.clientId(otherClient).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", user.email(), "PASSWORD", PASSWORD))).authenticationResult().idToken();

        CognitoSettings otherSettings = CognitoSettings.of(CognitoServer.REGION, pool.id(), otherClient)
                .withEndpoint(pool.endpoint());
        assertThat(IdTokenVerifier.forPool(otherSettings, Clock.systemUTC()).verify(idToken).userId())
                .isEqualTo(user.userId());
        assertUnauthorized(idToken);
    }

    @Test
    void aRealIdTokenOfAnotherPoolSignedWithTheSameKeyIsRefused() {
        try (PoolFixture other = new PoolFixture()) {
            User user = other.signUpConfirmed(newEmail("otherpool"));

            assertUnauthorized(other.provider.signIn(user.email(), PASSWORD).idToken());
        }
    }

    @Test
    void aTokenSignedWithThePoolKeyAndRightClaimsPasses() {
        assertThat(verifier.verify(poolSigned(JWSAlgorithm.RS256, UnaryOperator.identity())).userId())
                .isEqualTo("user-forged");
    }

    @Test
    void aWrongAudienceIssuerOrTokenUseIsRefusedDespiteAValidSignature() {
        assertUnauthorized(poolSigned(JWSAlgorithm.RS256, c -> c.audience("another-client")));
        assertUnauthorized(poolSigned(JWSAlgorithm.RS256, c -> c.audience(List.of())));
        assertUnauthorized(poolSigned(JWSAlgorithm.RS256, c -> c.issuer(pool.settings().issuer() + "x")));
        assertUnauthorized(poolSigned(JWSAlgorithm.RS256, c -> c.issuer("https://cognito-idp.ap-south-1.amazonaws.com/"
                + pool.id())));
        assertUnauthorized(poolSigned(JWSAlgorithm.RS256, c -> c.claim("token_use", "access")));
    }

    @Test
    void aTokenWithoutTheMilkRunUserIdOrEmailIsRefused() {
        assertUnauthorized(poolSigned(JWSAlgorithm.RS256, c -> c.claim(IdTokenVerifier.USER_ID_CLAIM, null)));
        assertUnauthorized(poolSigned(JWSAlgorithm.RS256, c -> c.claim(IdTokenVerifier.USER_ID_CLAIM, " ")));
        assertUnauthorized(poolSigned(JWSAlgorithm.RS256, c -> c.claim("email", null)));
        assertUnauthorized(poolSigned(JWSAlgorithm.RS256, c -> c.subject(null)));
    }

    @Test
    void anExpiredTokenIsRefusedOnceTheSkewHasPassedAndSaysSo() {
        String token = poolSigned(JWSAlgorithm.RS256, c -> c.issueTime(Date.from(NOW.minusSeconds(3600)))
                .expirationTime(Date.from(NOW)));

        assertThat(verifierAt(NOW.plusSeconds(IdTokenVerifier.MAX_CLOCK_SKEW_SECONDS - 5)).verify(token).userId())
                .isEqualTo("user-forged");
        assertThatThrownBy(() -> verifierAt(NOW.plusSeconds(IdTokenVerifier.MAX_CLOCK_SKEW_SECONDS + 5)).verify(token))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.UNAUTHENTICATED);
                    assertThat(e.getMessage()).isEqualTo("Token has expired");
                });
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        assertUnauthorized(poolSigned(JWSAlgorithm.RS256, c -> c.issueTime(Date.from(NOW.plusSeconds(600)))));
    }

    @Test
    void onlyRs256IsAccepted() throws JOSEException {
        assertUnauthorized(poolSigned(JWSAlgorithm.RS512, UnaryOperator.identity()));
        assertUnauthorized(poolSigned(JWSAlgorithm.PS256, UnaryOperator.identity()));
        assertUnauthorized(new PlainJWT(claims(UnaryOperator.identity())).serialize());

        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(poolKey.getKeyID()).build(),
                claims(UnaryOperator.identity()));
        hmac.sign(new MACSigner(poolKey.toPublicKey().getEncoded()));
        assertUnauthorized(hmac.serialize());
    }

    @Test
    void onlyRs256IsAcceptedEvenFromAKeySetWhoseKeysDoNotNameTheirAlgorithm() throws JOSEException {
        RSAKey withoutAlgorithm = new RSAKey.Builder(poolKey.toRSAPublicKey()).keyID(poolKey.getKeyID()).build();
        IdTokenVerifier lenientKeys = new IdTokenVerifier(pool.settings().issuer(), pool.clientId(),
                new ImmutableJWKSet<>(new JWKSet(withoutAlgorithm)), Clock.systemUTC());

        assertThat(lenientKeys.verify(poolSigned(JWSAlgorithm.RS256, UnaryOperator.identity())).userId())
                .isEqualTo("user-forged");
        for (JWSAlgorithm other : List.of(JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.PS256)) {
            String token = poolSigned(other, UnaryOperator.identity());
            assertThatThrownBy(() -> lenientKeys.verify(token)).as(other.getName())
                    .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("Unauthorized"));
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefusedWhateverKeyIdItClaims() throws JOSEException {
        RSAKey ours = new RSAKeyGenerator(2048).keyID(poolKey.getKeyID()).generate();
        RSAKey oursWithOwnId = new RSAKeyGenerator(2048).keyID("ours").generate();

        assertUnauthorized(signed(ours, JWSAlgorithm.RS256, claims(UnaryOperator.identity())));
        assertUnauthorized(signed(oursWithOwnId, JWSAlgorithm.RS256, claims(UnaryOperator.identity())));
    }

    @Test
    void blankAndMalformedTokensAreRefused() {
        assertUnauthorized(null);
        assertUnauthorized(" ");
        assertUnauthorized("not.a.token");
        assertUnauthorized("eyJhbGciOiJSUzI1NiJ9");
    }

    @Test
    void unreadableKeysAreAnOutageNotABadToken() {
        CognitoSettings unreachable = new CognitoSettings(CognitoServer.REGION, pool.id(), pool.clientId(),
                Optional.of(pool.endpoint()), Optional.empty(), Optional.of(URI.create("http://127.0.0.1:1/jwks.json")));
        IdTokenVerifier blind = IdTokenVerifier.forPool(unreachable, Clock.systemUTC());

        assertThatThrownBy(() -> blind.verify(poolSigned(JWSAlgorithm.RS256, UnaryOperator.identity())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The user pool's signing keys could not be read");
    }

    @Test
    void groupsThatAreNoRoleAreLeftOut() {
        String token = poolSigned(JWSAlgorithm.RS256, c -> c.claim("cognito:groups", List.of("Vendor", "Testers")));

        assertThat(verifier.verify(token).roles()).containsExactly(Role.VENDOR);
    }

    private String realIdToken() {
        User user = fixture.signUpConfirmed(newEmail("flip"));
        String idToken = fixture.provider.signIn(user.email(), PASSWORD).idToken();
        assertThat(verifier.verify(idToken).userId()).isEqualTo(user.userId());
        return idToken;
    }

    private JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .subject("0f8a2b1c-0000-4000-8000-000000000001")
                .claim("email", "forged@milkrun.example")
                .claim(IdTokenVerifier.USER_ID_CLAIM, "user-forged")
                .claim("cognito:groups", List.of("Admin"))
                .claim("token_use", "id")
                .issuer(pool.settings().issuer())
                .audience(pool.clientId())
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(3600)));
        return change.apply(builder).build();
    }

    private String poolSigned(JWSAlgorithm algorithm, UnaryOperator<JWTClaimsSet.Builder> change) {
        return signed(poolKey, algorithm, claims(change));
    }

    private static String signed(RSAKey key, JWSAlgorithm algorithm, JWTClaimsSet claims) {
        try {
            JWSSigner signer = new RSASSASigner(key);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private IdTokenVerifier verifierAt(Instant instant) {
        return IdTokenVerifier.forPool(pool.settings(), Clock.fixed(instant, ZoneOffset.UTC));
    }

    private void assertUnauthorized(String token) {
        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.UNAUTHENTICATED);
            assertThat(e.error()).isEqualTo("Unauthorized");
            assertThat(e.getMessage()).isEqualTo("Invalid or expired token");
        });
    }
}
