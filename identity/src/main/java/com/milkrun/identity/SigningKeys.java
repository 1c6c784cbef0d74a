package com.milkrun.identity;

import com.milkrun.accounts.SigningKey;
import com.milkrun.accounts.SigningKeyStore;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * Finds the RSA key that signs tokens. A key given in configuration wins, so an operator can pin one across
 * deployments. Otherwise the key comes from the {@link SigningKeyStore}, generated and stored by the first process
 * that needs one, so that every process sharing a database signs and verifies with the same key.
 *
 * <p>Error messages never quote the key material, and parse failures are not chained as causes because some parsers
 * echo their input.
 */
public final class SigningKeys {
    /** The smallest RSA modulus that RS256 signers accept (RFC 7518 §3.3). */
    public static final int KEY_SIZE_BITS = 2048;

    private static final String PKCS8_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PKCS8_END = "-----END PRIVATE KEY-----";

    private SigningKeys() {
    }

    /**
     * @param pemOrJwkFromConfig a PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}) or a private RSA JWK in
     *                           JSON; empty or blank to use the store
     * @param store              where a generated key is shared between processes
     * @param clock              stamps a newly generated key
     * @return a private RSA key with a key id: the configured JWK's own {@code kid}, else its RFC 7638 thumbprint
     * @throws IllegalArgumentException when the configured key is not a usable private RSA key
     * @throws IllegalStateException    when the stored key cannot be read back
     */
    public static RSAKey load(Optional<String> pemOrJwkFromConfig, SigningKeyStore store, Clock clock) {
        Optional<String> configured = pemOrJwkFromConfig.map(String::strip).filter(text -> !text.isEmpty());
        if (configured.isPresent()) {
            return fromConfiguration(configured.get());
        }
        return fromStore(store, clock);
    }

    private static RSAKey fromConfiguration(String text) {
        RSAKey key = text.startsWith("{") ? fromJwk(text) : fromPem(text);
        if (key.size() < KEY_SIZE_BITS) {
            throw new IllegalArgumentException("The configured token signing key has " + key.size()
                    + " bits; RS256 needs at least " + KEY_SIZE_BITS);
        }
        return key;
    }

    private static RSAKey fromJwk(String json) {
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("The configured token signing key is not a valid JWK");
        }
        if (!(jwk instanceof RSAKey rsa) || !rsa.isPrivate()) {
            throw new IllegalArgumentException(
                    "The configured token signing JWK must be a private RSA key (kty RSA with d)");
        }
        if (rsa.getKeyUse() != null && !KeyUse.SIGNATURE.equals(rsa.getKeyUse())) {
            throw new IllegalArgumentException("The configured token signing JWK is marked for use "
                    + rsa.getKeyUse().identifier() + ", not sig");
        }
        if (rsa.getAlgorithm() != null && !JWSAlgorithm.RS256.equals(rsa.getAlgorithm())) {
            throw new IllegalArgumentException("The configured token signing JWK is marked for alg "
                    + rsa.getAlgorithm().getName() + ", not RS256");
        }
        RSAKey.Builder builder = new RSAKey.Builder(rsa).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256);
        return rsa.getKeyID() == null ? withThumbprintKeyId(builder) : builder.build();
    }

    private static RSAKey fromPem(String pem) {
        if (!pem.startsWith(PKCS8_BEGIN) || !pem.endsWith(PKCS8_END)) {
            throw new IllegalArgumentException("The configured token signing key must be a private RSA JWK or an"
                    + " unencrypted PKCS#8 PEM (" + PKCS8_BEGIN + "); convert a PKCS#1 key with"
                    + " `openssl pkcs8 -topk8 -nocrypt`");
        }
        String base64 = pem.substring(PKCS8_BEGIN.length(), pem.length() - PKCS8_END.length());
        PrivateKey privateKey;
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64);
            privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "The configured token signing key is not a valid PKCS#8 RSA private key");
        }
        if (!(privateKey instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalArgumentException(
                    "The configured PEM key lacks the CRT parameters needed to derive its public key");
        }
        Base64URL modulus = Base64URL.encode(crt.getModulus());
        Base64URL publicExponent = Base64URL.encode(crt.getPublicExponent());
        RSAKey.Builder builder = new RSAKey.Builder(modulus, publicExponent)
                .privateKey(crt)
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256);
        return withThumbprintKeyId(builder);
    }

    private static RSAKey fromStore(SigningKeyStore store, Clock clock) {
        SigningKey inUse = store.current().orElseGet(() -> store.saveIfAbsent(generate(clock)));
        RSAKey key;
        try {
            key = RSAKey.parse(inUse.privateKey());
        } catch (ParseException e) {
            throw new IllegalStateException("The stored token signing key " + inUse.keyId() + " is not an RSA JWK");
        }
        if (!key.isPrivate()) {
            throw new IllegalStateException("The stored token signing key " + inUse.keyId() + " has no private part");
        }
        return new RSAKey.Builder(key)
                .keyID(inUse.keyId())
                .keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .build();
    }

    private static SigningKey generate(Clock clock) {
        try {
            RSAKey key = new RSAKeyGenerator(KEY_SIZE_BITS)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
            return new SigningKey(key.getKeyID(), key.toJSONString(), clock.instant());
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate an RSA signing key: " + e.getMessage(), e);
        }
    }

    private static RSAKey withThumbprintKeyId(RSAKey.Builder builder) {
        try {
            return builder.keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not compute the JWK thumbprint: " + e.getMessage(), e);
        }
    }
}
