package com.milkrun.app.api;

import com.milkrun.app.MilkRun;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Date;
import java.util.List;

/** Tokens that must be refused: each differs from a good one in exactly one way. */
final class BadTokens {
    private BadTokens() {
    }

    static List<String> variantsOf(String goodIdToken, MilkRun app) {
        try {
            SignedJWT good = SignedJWT.parse(goodIdToken);
            JWTClaimsSet claims = good.getJWTClaimsSet();
            RSAKey key = RSAKey.parse(app.stores().signingKeys().current().orElseThrow().privateKey());
            RSAKey stranger = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            Date past = new Date(claims.getIssueTime().getTime() - 7_200_000);
            return List.of(
                    sign(claims, stranger),
                    sign(new JWTClaimsSet.Builder(claims).issueTime(past).expirationTime(new Date(past.getTime() + 3_600_000)).build(), key),
                    sign(new JWTClaimsSet.Builder(claims).audience("someone-else").build(), key),
                    sign(new JWTClaimsSet.Builder(claims).issuer("https://evil.example.com").build(), key),
                    sign(new JWTClaimsSet.Builder(claims).claim("token_use", "access").build(), key),
                    unsigned(claims),
                    hmacWithPublicKey(claims, key),
                    tampered(good, new JWTClaimsSet.Builder(claims).subject(someoneElse(claims.getSubject())).build()));
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Another demo user, preferably a more powerful one, to pose as. */
    private static String someoneElse(String subject) {
        return subject.equals("user-demo-admin") ? "user-demo-meera" : "user-demo-admin";
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String unsigned(JWTClaimsSet claims) {
        String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)).toString();
        String payload = Base64URL.encode(claims.toString().getBytes(StandardCharsets.UTF_8)).toString();
        return header + "." + payload + ".";
    }

    private static String hmacWithPublicKey(JWTClaimsSet claims, RSAKey key) throws JOSEException {
        byte[] secret = key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }

    private static String tampered(SignedJWT good, JWTClaimsSet claims) {
        String[] parts = good.serialize().split("\\.");
        String payload = Base64URL.encode(claims.toString().getBytes(StandardCharsets.UTF_8)).toString();
        return parts[0] + "." + payload + "." + parts[2];
    }
}
