package com.milkrun.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.app.api.ApiClient;
import com.milkrun.app.api.TestConfigs;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The clients of Cognito, SES and Step Functions are made on first use, not at start-up: a Lambda cold start that
 * answers a catalog read (most of them) does not pay for three SDK clients it never calls. Before a SnapStart
 * snapshot, {@link MilkRun#makeClients()} makes them all, so that no restored copy pays for them either. The servers
 * configured here are never called (nothing listens on port 9).
 */
class AwsClientsOnFirstUseTest {
    private static final Config AS_ON_AWS = Config.from(TestConfigs.base(Map.ofEntries(
            Map.entry("MILKRUN_STORE", "memory"),
            Map.entry("MILKRUN_WORKFLOW_RUNNER", "false"),
            Map.entry("MILKRUN_IDENTITY", "cognito"), Map.entry("AWS_REGION", "ap-south-1"),
            Map.entry("COGNITO_USER_POOL_ID", "ap-south-1_MilkRun1"), Map.entry("COGNITO_CLIENT_ID", "milkrun-web"),
            Map.entry("MILKRUN_COGNITO_ENDPOINT", "http://127.0.0.1:9"),
            Map.entry("MILKRUN_EMAIL", "ses"), Map.entry("MILKRUN_SES_FROM", "orders@milkrun.example"),
            Map.entry("MILKRUN_SES_ENDPOINT", "http://127.0.0.1:9"),
            Map.entry("MILKRUN_ORDER_WORKFLOW", "stepfunctions"),
            Map.entry("ORDER_STATE_MACHINE_ARN", "arn:aws:states:ap-south-1:123456789012:stateMachine:milkrun-orders"),
            Map.entry("MILKRUN_STEPFUNCTIONS_ENDPOINT", "http://127.0.0.1:9"))));

    @Test
    void starting_and_reading_the_catalog_make_no_client() {
        int before = AwsClientsMade.byThisThread();
        try (MilkRun app = MilkRun.start(AS_ON_AWS)) {
            ApiClient api = new ApiClient(app.router()::handle);

            assertThat(api.get("/products", null).status()).isEqualTo(200);
            assertThat(api.get("/users/me", "not-a-token").status()).isEqualTo(401);
            assertThat(AwsClientsMade.byThisThread() - before).isZero();
        }
    }

    @Test
    void make_clients_makes_each_once_before_a_snapshot() {
        int before = AwsClientsMade.byThisThread();
        try (MilkRun app = MilkRun.start(AS_ON_AWS)) {
            app.makeClients();
            app.makeClients();

            assertThat(AwsClientsMade.byThisThread() - before).isEqualTo(3);
        }
    }

    @Test
    void closing_what_was_never_made_makes_nothing() {
        int before = AwsClientsMade.byThisThread();
        MilkRun.start(AS_ON_AWS).close();

        assertThat(AwsClientsMade.byThisThread() - before).isZero();
    }
}
