package com.milkrun.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.accounts.TokenService.IssuedTokens;
import com.milkrun.accounts.TokenService.VerifiedToken;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class JwtTokenServiceTest {
    private static final String ISSUER = "http://localhost:8080";
    private static final String CLIENT_ID = "milkrun-web";
    /** Half past six on a delivery morning: customers sign in to check the day's milk. */
    private static final Instant NOW = Instant.parse("2025-06-01T06:30:00Z");
    private static final Instant SIGNED_IN_AT = NOW.minusSeconds(600);

    private final JwtTokenService tokens = serviceAt(NOW);

    @Test
    void issues_an_id_token_that_verifies_back_to_the_user() {
        IssuedTokens issued = tokens.issue(Users.ASHA_CUSTOMER, SIGNED_IN_AT, NOW);

        VerifiedToken verified = tokens.verify(issued.idToken());

        assertThat(verified.userId()).isEqualTo(Users.ASHA_CUSTOMER.userId());
        assertThat(verified.email()).isEqualTo("asha@example.in");
        assertThat(verified.expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(issued.expiresIn()).isEqualTo(3600);
    }

    @Test
    void shapes_the_id_token_like_a_cognito_id_token() throws ParseException {
        SignedJWT jwt = SignedJWT.parse(tokens.issue(Users.ASHA_CUSTOMER, SIGNED_IN_AT, NOW).idToken());

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("milkrun-test-key");
        assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
        Map<String, Object> claims = jwt.getPayload().toJSONObject();
        assertThat(claims)
                .containsEntry("sub", Users.ASHA_CUSTOMER.userId())
                .containsEntry("email", "asha@example.in")
                .containsEntry("email_verified", true)
                .containsEntry("name", "Asha Patel")
                .containsEntry("phone_number", "+919876543210")
                .containsEntry("cognito:username", Users.ASHA_CUSTOMER.userId())
                .containsEntry("cognito:groups", List.of("Customer"))
                .containsEntry("token_use", "id")
                .containsEntry("iss", ISSUER)
                .containsEntry("aud", CLIENT_ID)
                .containsEntry("auth_time", SIGNED_IN_AT.getEpochSecond())
                .containsEntry("iat", NOW.getEpochSecond())
                .containsEntry("exp", NOW.getEpochSecond() + 3600)
                .containsKey("jti");
    }

    @Test
    void shapes_the_access_token_like_a_cognito_access_token_with_client_id_and_no_audience() throws ParseException {
        SignedJWT jwt = SignedJWT.parse(tokens.issue(Users.ASHA_CUSTOMER, SIGNED_IN_AT, NOW).accessToken());

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo("milkrun-test-key");
        Map<String, Object> claims = jwt.getPayload().toJSONObject();
        assertThat(claims)
                .containsEntry("sub", Users.ASHA_CUSTOMER.userId())
                .containsEntry("cognito:groups", List.of("Customer"))
                .containsEntry("token_use", "access")
                .containsEntry("scope", "openid email profile")
                .containsEntry("client_id", CLIENT_ID)
                .containsEntry("username", Users.ASHA_CUSTOMER.userId())
                .containsEntry("iss", ISSUER)
                .containsEntry("auth_time", SIGNED_IN_AT.getEpochSecond())
                .containsEntry("iat", NOW.getEpochSecond())
                .containsEntry("exp", NOW.getEpochSecond() + 3600)
                .containsKey("jti")
                .doesNotContainKeys("aud", "email", "name", "phone_number");
    }

    @Test
    void gives_every_token_its_own_jti() throws ParseException {
        IssuedTokens first = tokens.issue(Users.ASHA_CUSTOMER, SIGNED_IN_AT, NOW);
        IssuedTokens second = tokens.issue(Users.ASHA_CUSTOMER, SIGNED_IN_AT, NOW);

        assertThat(List.of(jti(first.idToken()), jti(first.accessToken()), jti(second.idToken()),
                jti(second.accessToken()))).doesNotHaveDuplicates();
    }

    @Test
    void omits_the_phone_number_of_a_user_who_has_none_and_names_the_vendor_group() throws ParseException {
        SignedJWT jwt = SignedJWT.parse(tokens.issue(Users.RAVI_DAIRY_VENDOR, SIGNED_IN_AT, NOW).idToken());

        Map<String, Object> claims = jwt.getPayload().toJSONObject();
        assertThat(claims).doesNotContainKey("phone_number")
                .containsEntry("email_verified", false)
                .containsEntry("cognito:groups", List.of("Vendor"));
    }

    @Test
    void rejects_an_expired_token_saying_it_has_expired() {
        String idToken = tokens.issue(Users.ASHA_CUSTOMER, SIGNED_IN_AT, NOW).idToken();
        JwtTokenService anHourAndTwoMinutesLater = serviceAt(NOW.plusSeconds(3600 + 61));

        assertThatThrownBy(() -> anHourAndTwoMinutesLater.verify(idToken))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.UNAUTHENTICATED);
                    assertThat(e.error()).isEqualTo("Unauthorized");
                    assertThat(e.getMessage()).isEqualTo("Token has expired");
                });
    }

    @Test
    void accepts_a_token_that_expired_less_than_the_allowed_clock_skew_ago() {
        String idToken = tokens.issue(Users.ASHA_CUSTOMER, SIGNED_IN_AT, NOW).idToken();

        VerifiedToken verified = serviceAt(NOW.plusSeconds(3600 + 30)).verify(idToken);

        assertThat(verified.userId()).isEqualTo(Users.ASHA_CUSTOMER.userId());
    }

    @Test
    void a_token_verified_before_is_refused_once_it_has_expired_beyond_the_clock_skew() {
        MovingClock clock = new MovingClock(NOW);
        JwtTokenService service = new JwtTokenService(ISSUER, CLIENT_ID, TestKeys.MILKRUN, clock);
        String idToken = service.issue(Users.ASHA_CUSTOMER, SIGNED_IN_AT, NOW).idToken();
        assertThat(service.verify(idToken).userId()).isEqualTo(Users.ASHA_CUSTOMER.userId());

        clock.now = NOW.plusSeconds(3600 + 30);
        assertThat(service.verify(idToken).userId()).isEqualTo(Users.ASHA_CUSTOMER.userId());
        clock.now = NOW.plusSeconds(3600 + 61);

        assertThatThrownBy(() -> service.verify(idToken))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("Token has expired"));
    }

    @Test
    void a_verified_token_with_one_character_of_its_signature_changed_is_still_refused() {
        String idToken = tokens.issue(Users.ASHA_CUSTOMER, SIGNED_IN_AT, NOW).idToken();
        tokens.verify(idToken);
        char last = idToken.charAt(idToken.length() - 2);
        String tampered = idToken.substring(0, idToken.length() - 2) + (last == 'A' ? 'B' : 'A')
                + idToken.charAt(idToken.length() - 1);

        assertRejected(tampered);
        assertThat(tokens.verify(idToken).userId()).isEqualTo(Users.ASHA_CUSTOMER.userId());
    }

    @Test
    void rejects_a_token_issued_further_in_the_future_than_the_clock_skew() {
        String fromTheFuture = tokens.issue(Users.ASHA_CUSTOMER, NOW, NOW.plusSeconds(5 * 60)).idToken();

        assertRejected(fromTheFuture);
    }

    @Test
    void accepts_a_token_issued_slightly_ahead_by_a_server_with_a_fast_clock() {
        String slightlyAhead = tokens.issue(Users.ASHA_CUSTOMER, NOW, NOW.plusSeconds(30)).idToken();

        assertThat(tokens.verify(slightlyAhead).userId()).isEqualTo(Users.ASHA_CUSTOMER.userId());
    }

    @Test
    void rejects_a_token_signed_by_another_key_that_claims_the_same_key_id() {
        JwtTokenService forger = new JwtTokenService(ISSUER, CLIENT_ID, TestKeys.IMPOSTOR_WITH_SAME_KID, clockAt(NOW));

        assertRejected(forger.issue(Users.ASHA_CUSTOMER, SIGNED_IN_AT, NOW).idToken());
    }

    @Test
    void rejects_a_token_signed_by_another_key_under_its_own_key_id() {
        JwtTokenService stranger = new JwtTokenService(ISSUER, CLIENT_ID, TestKeys.OTHER, clockAt(NOW));

        assertRejected(stranger.issue(Users.ASHA_CUSTOMER, SIGNED_IN_AT, NOW).idToken());
    }

    @Test
    void rejects_an_unsigned_token_with_alg_none() {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"milkrun-test-key\"}");
        String payload = base64Url(idClaims().build().toString());

        assertRejected(header + "." + payload + ".");
    }

    @Test
    void rejects_an_hs256_token_keyed_with_the_public_key_as_the_hmac_secret() throws JOSEException {
        byte[] publicKeyAsSecret = TestKeys.MILKRUN.toRSAPublicKey().getEncoded();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("milkrun-test-key")
                .type(JOSEObjectType.JWT).build();

        assertRejected(sign(new MACSigner(publicKeyAsSecret), header, idClaims().build()));
    }

    @Test
    void rejects_a_token_from_another_issuer() {
        JwtTokenService otherIssuer = new JwtTokenService("https://cognito-idp.ap-south-1.amazonaws.com/ap-south-1_abc",
                CLIENT_ID, TestKeys.MILKRUN, clockAt(NOW));

        assertRejected(otherIssuer.issue(Users.ASHA_CUSTOMER, SIGNED_IN_AT, NOW).idToken());
    }

    @Test
    void rejects_a_token_for_another_audience() {
        JwtTokenService otherClient =
                new JwtTokenService(ISSUER, "milkrun-delivery-app", TestKeys.MILKRUN, clockAt(NOW));

        assertRejected(otherClient.issue(Users.ASHA_CUSTOMER, SIGNED_IN_AT, NOW).idToken());
    }

    @Test
    void rejects_an_access_token_because_only_id_tokens_are_accepted() {
        assertRejected(tokens.issue(Users.ASHA_CUSTOMER, SIGNED_IN_AT, NOW).accessToken());
    }

    @Test
    void rejects_a_well_signed_token_whose_token_use_is_not_id() throws JOSEException {
        JWTClaimsSet claims = idClaims().claim("token_use", "access").build();

        assertRejected(sign(new RSASSASigner(TestKeys.MILKRUN), rs256Header(), claims));
    }

    @Test
    void rejects_a_well_signed_token_without_a_subject() throws JOSEException {
        JWTClaimsSet claims = idClaims().subject(null).build();

        assertRejected(sign(new RSASSASigner(TestKeys.MILKRUN), rs256Header(), claims));
    }

    @Test
    void rejects_a_well_signed_token_without_a_typ_header() throws JOSEException {
        JWSHeader noType = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("milkrun-test-key").build();

        assertRejected(sign(new RSASSASigner(TestKeys.MILKRUN), noType, idClaims().build()));
    }

    @Test
    void accepts_a_hand_built_token_with_the_expected_claims_so_the_rejections_above_are_meaningful()
            throws JOSEException {
        String token = sign(new RSASSASigner(TestKeys.MILKRUN), rs256Header(), idClaims().build());

        assertThat(tokens.verify(token).userId()).isEqualTo(Users.ASHA_CUSTOMER.userId());
    }

    @Test
    void rejects_a_token_whose_payload_was_changed_after_signing() {
        String idToken = tokens.issue(Users.RAVI_DAIRY_VENDOR, SIGNED_IN_AT, NOW).idToken();
        String[] parts = idToken.split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8);
        String promoted = payload.replace("\"Vendor\"", "\"Admin\"");
        assertThat(promoted).isNotEqualTo(payload);

        assertRejected(parts[0] + "." + base64Url(promoted) + "." + parts[2]);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "milk", "a.b.c", "..", "...", "....", "eyJhbGciOiJSUzI1NiJ9.e30.",
        "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln", "e30.e30.e30", "Bearer abc.def.ghi", "%%%.^^^.***"})
    void rejects_strings_that_are_not_tokens(String garbage) {
        assertRejected(garbage);
    }

    @Test
    void publishes_only_the_public_half_of_the_signing_key_in_the_jwks() throws ParseException {
        String jwks = tokens.jwksJson();

        JWKSet set = JWKSet.parse(jwks);
        assertThat(set.getKeys()).hasSize(1);
        JWK key = set.getKeys().get(0);
        assertThat(key.isPrivate()).isFalse();
        assertThat(key.getKeyID()).isEqualTo("milkrun-test-key");
        assertThat(key.getKeyUse().identifier()).isEqualTo("sig");
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key.toRSAKey().getModulus()).isEqualTo(TestKeys.MILKRUN.getModulus());
        assertThat(jwks).doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"");
    }

    @Test
    void refuses_a_signing_key_without_its_private_half() {
        RSAKey publicOnly = TestKeys.MILKRUN.toPublicJWK();

        assertThatThrownBy(() -> new JwtTokenService(ISSUER, CLIENT_ID, publicOnly, clockAt(NOW)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_a_signing_key_without_a_key_id() {
        RSAKey noKid = new RSAKey.Builder(TestKeys.MILKRUN).keyID(null).build();

        assertThatThrownBy(() -> new JwtTokenService(ISSUER, CLIENT_ID, noKid, clockAt(NOW)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void assertRejected(String token) {
        assertThatThrownBy(() -> tokens.verify(token))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.failure()).isEqualTo(Failure.UNAUTHENTICATED);
                    assertThat(e.error()).isEqualTo("Unauthorized");
                    assertThat(e.getMessage()).isEqualTo("Invalid or expired token");
                });
    }

    private static JwtTokenService serviceAt(Instant instant) {
        return new JwtTokenService(ISSUER, CLIENT_ID, TestKeys.MILKRUN, clockAt(instant));
    }

    /** A clock a test moves by hand. */
    private static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** The claims of a valid ID token for Asha, for hand-built tokens that differ in one respect. */
    private static JWTClaimsSet.Builder idClaims() {
        return new JWTClaimsSet.Builder()
                .subject(Users.ASHA_CUSTOMER.userId())
                .claim("email", Users.ASHA_CUSTOMER.email())
                .claim("cognito:groups", List.of("Admin"))
                .claim("token_use", "id")
                .issuer(ISSUER)
                .audience(CLIENT_ID)
                .issueTime(Date.from(NOW))
                .expirationTime(Date.from(NOW.plusSeconds(3600)));
    }

    private static JWSHeader rs256Header() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("milkrun-test-key").type(JOSEObjectType.JWT).build();
    }

    private static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String base64Url(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String jti(String token) throws ParseException {
        return SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
    }
}
