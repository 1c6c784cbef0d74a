package com.milkrun.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** RSA keys for tests, generated once per test JVM because 2048-bit generation is slow. */
final class TestKeys {
    /** The key the service under test signs with. */
    static final RSAKey MILKRUN = generate("milkrun-test-key");
    /** Another key pair that claims the same key id, as a forger would. */
    static final RSAKey IMPOSTOR_WITH_SAME_KID = generate("milkrun-test-key");
    /** Another key pair under its own key id. */
    static final RSAKey OTHER = generate("other-key");

    private TestKeys() {
    }

    static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate a test RSA key", e);
        }
    }
}
