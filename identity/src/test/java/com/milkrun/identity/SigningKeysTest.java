package com.milkrun.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.accounts.SigningKey;
import com.milkrun.accounts.SigningKeyStore;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SigningKeysTest {
    private static final Instant FIRST_START = Instant.parse("2025-06-01T04:00:00Z");
    private static final Clock CLOCK = Clock.fixed(FIRST_START, ZoneOffset.UTC);

    private final InMemorySigningKeyStore store = new InMemorySigningKeyStore();

    @Test
    void loads_a_pkcs8_pem_private_key_from_configuration_and_names_it_by_its_thumbprint() throws Exception {
        KeyPair pair = rsaKeyPair(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        RSAKey key = SigningKeys.load(Optional.of(pem), store, CLOCK);

        assertThat(key.isPrivate()).isTrue();
        assertThat(key.toRSAPublicKey()).isEqualTo(pair.getPublic());
        assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertSignsTokensThatVerify(key);
        assertThat(store.current()).as("a configured key is not stored").isEmpty();
    }

    @Test
    void loads_a_private_rsa_jwk_from_configuration_keeping_its_own_key_id() {
        String jwk = TestKeys.OTHER.toJSONString();

        RSAKey key = SigningKeys.load(Optional.of(jwk), store, CLOCK);

        assertThat(key.getKeyID()).isEqualTo("other-key");
        assertThat(key.getModulus()).isEqualTo(TestKeys.OTHER.getModulus());
        assertThat(key.isPrivate()).isTrue();
        assertSignsTokensThatVerify(key);
    }

    @Test
    void names_a_configured_jwk_without_a_key_id_by_its_thumbprint() throws JOSEException {
        String jwk = new RSAKey.Builder(TestKeys.OTHER).keyID(null).build().toJSONString();

        RSAKey key = SigningKeys.load(Optional.of(jwk), store, CLOCK);

        assertThat(key.getKeyID()).isEqualTo(TestKeys.OTHER.computeThumbprint().toString());
    }

    @Test
    void prefers_the_configured_key_over_the_stored_one() {
        SigningKeys.load(Optional.empty(), store, CLOCK);

        RSAKey key = SigningKeys.load(Optional.of(TestKeys.OTHER.toJSONString()), store, CLOCK);

        assertThat(key.getKeyID()).isEqualTo("other-key");
    }

    @Test
    void refuses_a_public_only_jwk_without_quoting_it() {
        String publicJwk = TestKeys.OTHER.toPublicJWK().toJSONString();

        assertThatThrownBy(() -> SigningKeys.load(Optional.of(publicJwk), store, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private RSA key")
                .hasMessageNotContaining(TestKeys.OTHER.getModulus().toString());
    }

    @Test
    void refuses_a_pkcs1_pem_and_explains_how_to_convert_it() {
        String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1234\n-----END RSA PRIVATE KEY-----";

        assertThatThrownBy(() -> SigningKeys.load(Optional.of(pkcs1), store, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt")
                .hasMessageNotContaining("MIIEowIBAAKCAQEA1234");
    }

    @Test
    void refuses_a_pem_whose_body_is_not_a_key_without_quoting_it() {
        String broken = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5IGF0IGFsbA==\n-----END PRIVATE KEY-----";

        assertThatThrownBy(() -> SigningKeys.load(Optional.of(broken), store, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("bm90IGEga2V5IGF0IGFsbA==")
                .hasNoCause();
    }

    @Test
    void refuses_a_jwk_that_is_not_json() {
        assertThatThrownBy(() -> SigningKeys.load(Optional.of("{\"kty\":\"RSA\", d: secret"), store, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret")
                .hasNoCause();
    }

    @Test
    void refuses_a_configured_key_shorter_than_2048_bits() throws JOSEException {
        String weak = new RSAKeyGenerator(1024, true).keyID("weak").generate().toJSONString();

        assertThatThrownBy(() -> SigningKeys.load(Optional.of(weak), store, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1024 bits");
    }

    @Test
    void refuses_a_configured_jwk_meant_for_another_algorithm() {
        String rs512 = new RSAKey.Builder(TestKeys.OTHER).algorithm(JWSAlgorithm.RS512).build().toJSONString();

        assertThatThrownBy(() -> SigningKeys.load(Optional.of(rs512), store, CLOCK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RS512");
    }

    @Test
    void generates_and_stores_a_key_when_none_is_configured_or_stored() throws ParseException, JOSEException {
        RSAKey key = SigningKeys.load(Optional.of("  "), store, CLOCK);

        SigningKey stored = store.current().orElseThrow();
        assertThat(stored.keyId()).isEqualTo(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
        assertThat(stored.createdAt()).isEqualTo(FIRST_START);
        RSAKey storedJwk = RSAKey.parse(stored.privateKey());
        assertThat(storedJwk.isPrivate()).isTrue();
        assertThat(storedJwk.getModulus()).isEqualTo(key.getModulus());
        assertThat(key.size()).isEqualTo(2048);
        assertSignsTokensThatVerify(key);
    }

    @Test
    void two_loads_with_the_same_store_return_the_same_key() {
        RSAKey first = SigningKeys.load(Optional.empty(), store, CLOCK);
        RSAKey second = SigningKeys.load(Optional.empty(), store, CLOCK);

        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.getModulus()).isEqualTo(first.getModulus());
        assertThat(store.saveAttempts()).isEqualTo(1);
    }

    @Test
    void uses_the_key_of_the_process_that_won_the_race_to_store_one() {
        SigningKey winner = new SigningKey("winner", TestKeys.OTHER.toJSONString(), FIRST_START.minusSeconds(1));
        SigningKeyStore lostTheRace = new SigningKeyStore() {
            @Override
            public Optional<SigningKey> current() {
                return Optional.empty();
            }

            @Override
            public SigningKey saveIfAbsent(SigningKey key) {
                return winner;
            }
        };

        RSAKey key = SigningKeys.load(Optional.empty(), lostTheRace, CLOCK);

        assertThat(key.getKeyID()).isEqualTo("winner");
        assertThat(key.getModulus()).isEqualTo(TestKeys.OTHER.getModulus());
    }

    @Test
    void servers_starting_together_agree_on_one_key() throws Exception {
        int servers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(servers);
        try {
            List<Future<RSAKey>> loads = new ArrayList<>();
            for (int i = 0; i < servers; i++) {
                loads.add(pool.submit(() -> {
                    start.await();
                    return SigningKeys.load(Optional.empty(), store, CLOCK);
                }));
            }
            start.countDown();

            List<String> keyIds = new ArrayList<>();
            for (Future<RSAKey> load : loads) {
                keyIds.add(load.get(60, TimeUnit.SECONDS).getKeyID());
            }
            assertThat(keyIds).containsOnly(store.current().orElseThrow().keyId());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refuses_a_stored_key_that_has_lost_its_private_half() {
        store.saveIfAbsent(new SigningKey("public-only", TestKeys.OTHER.toPublicJWK().toJSONString(), FIRST_START));

        assertThatThrownBy(() -> SigningKeys.load(Optional.empty(), store, CLOCK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("public-only");
    }

    private static void assertSignsTokensThatVerify(RSAKey key) {
        JwtTokenService service = new JwtTokenService("http://localhost:8080", "milkrun-web", key, CLOCK);
        String idToken = service.issue(Users.ASHA_CUSTOMER, FIRST_START, FIRST_START).idToken();
        assertThat(service.verify(idToken).userId()).isEqualTo(Users.ASHA_CUSTOMER.userId());
    }

    private static KeyPair rsaKeyPair(int bits) throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }
}
