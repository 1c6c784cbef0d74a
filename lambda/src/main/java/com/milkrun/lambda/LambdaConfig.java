package com.milkrun.lambda;

import com.milkrun.app.Config;
import java.util.Map;

/**
 * The function's configuration: its environment, over the defaults where a Lambda function differs from the jar.
 * Nobody scrapes a function's memory, so it keeps no Prometheus meters unless {@code MILKRUN_METRICS} says so.
 */
final class LambdaConfig {
    private static final Map<String, String> DEFAULTS = Map.of("MILKRUN_METRICS", "false");

    private LambdaConfig() {
    }

    static Config fromEnvironment() {
        return Config.fromEnvironment(DEFAULTS);
    }
}
