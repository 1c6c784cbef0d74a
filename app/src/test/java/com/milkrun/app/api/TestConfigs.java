package com.milkrun.app.api;

import com.milkrun.app.Config;
import com.milkrun.store.dynamo.testing.DynamoServer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Configurations for tests: demo data and the dev mailbox (both off by default, so turned on here), a cheap bcrypt
 * cost, quiet logs, and the store of choice.
 */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static Config memory() {
        return Config.from(base(Map.of("MILKRUN_STORE", "memory")));
    }

    public static Config h2() {
        return Config.from(base(Map.of("MILKRUN_STORE", "sql",
                "MILKRUN_DB_URL", "jdbc:h2:mem:api-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")));
    }


    /**
     * The DynamoDB stores on the local DynamoDB server of this test JVM, in tables of their own (created at start-up,
     * as a local deployment can), so that each server started gets empty ones.
     */
    public static Config dynamo() {
        return Config.from(base(Map.of("MILKRUN_STORE", "dynamodb",
                "MILKRUN_DYNAMODB_ENDPOINT", DynamoServer.get().endpoint().toString(),
                "MILKRUN_DYNAMODB_TABLE_PREFIX", "api-" + UUID.randomUUID().toString().substring(0, 8) + "-",
                "MILKRUN_DYNAMODB_CREATE_TABLES", "true")));
    }

    public static Map<String, String> base(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("MILKRUN_PORT", "0");
        env.put("MILKRUN_DEMO_DATA", "true");
        env.put("MILKRUN_BCRYPT_COST", "4");
        env.put("MILKRUN_LOG_LEVEL", "WARN");
        env.put("MILKRUN_DEV_MAILBOX", "true");
        env.put("MILKRUN_JWT_ISSUER", "http://localhost:8080");
        env.put("MILKRUN_MAX_BODY_BYTES", "65536");
        // Suites send hundreds of requests a minute from one address and register many users: the limits have tests
        // of their own (RateLimitsTest), which turn them on.
        env.put("MILKRUN_RATE_LIMIT_PER_CLIENT", "0");
        env.put("MILKRUN_RATE_LIMIT_PER_ACCOUNT", "0");
        env.put("MILKRUN_FAILED_ATTEMPTS_PER_CLIENT", "0");
        // The API suites share one server and one demo customer across many orders for the same date; the limits
        // on what a customer may hold per date are tested with their defaults by OrderLimitsApiTest.
        env.put("MILKRUN_MAX_OPEN_COD_ORDERS", "1000");
        env.put("MILKRUN_MAX_UNITS_PER_PRODUCT", "1000");
        env.putAll(overrides);
        return env;
    }
}
