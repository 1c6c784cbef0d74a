package com.milkrun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.app.api.ApiClient;
import com.milkrun.app.api.TestConfigs;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who signs the tokens decides what start-up does: MilkRun's own identity provider loads (or makes) its signing key
 * and publishes it; with a Cognito user pool the pool signs, so start-up neither reads nor makes a key (a Lambda cold
 * start spares the read, and a first start the key generation) and no key is published.
 */
class IdentityWiringTest {
    @Test
    void the_local_provider_keeps_and_publishes_its_signing_key() {
        try (MilkRun app = MilkRun.start(TestConfigs.memory())) {
            ApiClient api = new ApiClient(app.router()::handle);

            assertThat(app.stores().signingKeys().current()).isPresent();
            assertThat(api.get("/.well-known/jwks.json", null).status()).isEqualTo(200);
        }
    }

    @Test
    void with_a_cognito_user_pool_no_signing_key_is_read_made_or_published() {
        Config config = Config.from(TestConfigs.base(Map.of("MILKRUN_STORE", "memory",
                "MILKRUN_IDENTITY", "cognito", "AWS_REGION", "ap-south-1",
                "COGNITO_USER_POOL_ID", "ap-south-1_MilkRun1",
                "COGNITO_CLIENT_ID", "milkrun-web",
                "MILKRUN_COGNITO_ENDPOINT", "http://127.0.0.1:9")));
        try (MilkRun app = MilkRun.start(config)) {
            ApiClient api = new ApiClient(app.router()::handle);

            assertThat(app.stores().signingKeys().current()).isEmpty();
            assertThat(api.get("/.well-known/jwks.json", null).status()).isEqualTo(404);
            assertThat(api.get("/products", null).status()).isEqualTo(200);
        }
    }
}
