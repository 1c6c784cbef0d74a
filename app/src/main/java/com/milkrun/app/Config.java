package com.milkrun.app;

import com.milkrun.http.limits.RateLimits;
import com.milkrun.identity.cognito.CognitoSettings;
import com.milkrun.orders.OrderLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of MilkRun, read from environment variables (the README's configuration table lists them). Secrets
 * come only from here; {@link #toString()} never shows them.
 *
 * <p>Defaults are safe for a deployment left as it is: demo data (accounts with published passwords) and the dev
 * mailbox (everyone's verification and reset codes) are off unless turned on, as {@code ./run.sh} does locally.
 */
public record Config(
        int port,
        StoreKind store,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        boolean demoData,
        ZoneId timeZone,
        String jwtIssuer,
        String jwtAudience,
        Optional<String> jwtPrivateKey,
        int bcryptCost,
        Optional<Smtp> smtp,
        boolean devMailbox,
        int maxBodyBytes,
        boolean virtualThreads,
        List<String> corsOrigins,
        String logLevel,
        Processing processing,
        RateLimits limits,
        MetricsSettings metrics,
        OrderLimits orderLimits,
        Dynamo dynamo,
        StepFunctions stepFunctions,
        String apiBasePath,
        Optional<Ses> ses,
        Optional<CognitoSettings> cognito) {

    public enum StoreKind { SQL, MEMORY, DYNAMODB }

    /**
     * Email through Amazon SES ({@code MILKRUN_EMAIL=ses}) instead of SMTP.
     *
     * @param from             the sender ({@code MILKRUN_SES_FROM}; SES must have it verified)
     * @param endpoint         an SES-compatible endpoint instead of AWS's ({@code MILKRUN_SES_ENDPOINT})
     * @param configurationSet the SES configuration set to send with ({@code MILKRUN_SES_CONFIGURATION_SET})
     */
    public record Ses(String from, Optional<String> endpoint, Optional<String> configurationSet) {
    }

    /**
     * Who runs the order workflow ({@code MILKRUN_ORDER_WORKFLOW}): this process's durable runner ({@code local}), or
     * AWS Step Functions ({@code stepfunctions}), started by the order API with the order id as execution name.
     *
     * @param stateMachineArn the order-processing state machine ({@code ORDER_STATE_MACHINE_ARN})
     * @param endpoint        a Step Functions-compatible endpoint instead of AWS's ({@code MILKRUN_STEPFUNCTIONS_ENDPOINT})
     */
    public record StepFunctions(boolean enabled, Optional<String> stateMachineArn, Optional<String> endpoint) {
        public StepFunctions {
            if (enabled && stateMachineArn.isEmpty()) {
                throw new IllegalArgumentException("MILKRUN_ORDER_WORKFLOW=stepfunctions needs ORDER_STATE_MACHINE_ARN");
            }
        }
    }

    /**
     * Where the DynamoDB stores are ({@code MILKRUN_STORE=dynamodb}).
     *
     * @param endpoint     a DynamoDB-compatible server to use instead of AWS's regional endpoint (local runs and tests)
     * @param region       the AWS region
     * @param tablePrefix  the prefix of each table's name when its own variable ({@code USERS_TABLE}, ...) is unset
     * @param tables       the tables' own variables that are set, by name (the SAM template sets one per table)
     * @param createTables whether to create missing tables at start-up (local servers only; the SAM template
     *                     creates them on AWS)
     */
    public record Dynamo(Optional<String> endpoint, String region, String tablePrefix, Map<String, String> tables,
                         boolean createTables) {
        public Dynamo {
            tables = Map.copyOf(tables);
        }
    }

    /**
     * The order workflow's runner and the email outbox in this process.
     *
     * @param runner          whether this process works on workflow runs and sends queued email (the local server
     *                        does; several servers on one database share the work)
     * @param workers         workflow runs worked on at once
     * @param poll            how often the runner looks for due runs and emails
     * @param lease           how long a claimed run stays with this process without a heartbeat
     * @param emailFirstRetry the wait before an email's first retry (then ×2 each time)
     * @param emailAttempts   email attempts before the delivery is dead
     * @param eager           whether the request that places an order also works on its workflow run before it
     *                        answers (when this process runs the runner), instead of leaving it to a worker
     */
    public record Processing(boolean runner, int workers, Duration poll, Duration lease, Duration emailFirstRetry,
                             int emailAttempts, boolean eager) {
    }

    /**
     * Metrics of this process.
     *
     * @param prometheus whether meters are kept in Prometheus's format (the local server serves them at
     *                   {@code GET /metrics}); the Lambda functions turn it off by default
     * @param token      when present, {@code /metrics} requires {@code Authorization: Bearer <token>}; otherwise it is
     *                   open to anyone who can reach the server
     */
    public record MetricsSettings(boolean prometheus, Optional<String> token) {
        @Override
        public String toString() {
            return "MetricsSettings[prometheus=" + prometheus + ", token=" + (token.isPresent() ? "(configured)" : "(none)") + "]";
        }
    }

    /** SMTP settings; present when {@code MILKRUN_SMTP_HOST} is set. */
    public record Smtp(String host, int port, Optional<String> username, Optional<String> password, String from,
                       boolean startTls, Duration timeout) {
        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", username=" + username.orElse("") + ", from=" + from
                    + ", startTls=" + startTls + "]";
        }
    }

    public static Config fromEnvironment() {
        return from(System.getenv());
    }

    /**
     * The environment's settings over {@code defaults}: how a runner whose defaults differ from the jar's (a Lambda
     * function has nobody to scrape its metrics) keeps the environment in charge.
     */
    public static Config fromEnvironment(Map<String, String> defaults) {
        Map<String, String> env = new java.util.HashMap<>(defaults);
        env.putAll(System.getenv());
        return from(env);
    }

    public static Config from(Map<String, String> env) {
        Reader r = new Reader(env);
        Optional<Smtp> smtp = r.optional("MILKRUN_SMTP_HOST").map(host -> new Smtp(host,
                r.integer("MILKRUN_SMTP_PORT", 587),
                r.optional("MILKRUN_SMTP_USERNAME"),
                r.optional("MILKRUN_SMTP_PASSWORD"),
                r.string("MILKRUN_SMTP_FROM", "MilkRun <no-reply@milkrun.local>"),
                r.bool("MILKRUN_SMTP_STARTTLS", true),
                Duration.ofSeconds(r.integer("MILKRUN_SMTP_TIMEOUT_SECONDS", 10))));
        Optional<String> key = r.optional("MILKRUN_JWT_PRIVATE_KEY")
                .or(() -> r.optional("MILKRUN_JWT_PRIVATE_KEY_FILE").map(Config::readFile));
        int port = r.integer("MILKRUN_PORT", 8080);
        return new Config(
                port,
                StoreKind.valueOf(r.string("MILKRUN_STORE", "sql").toUpperCase(java.util.Locale.ROOT)),
                r.string("MILKRUN_DB_URL", "jdbc:h2:file:./data/milkrun"),
                r.string("MILKRUN_DB_USER", "sa"),
                r.string("MILKRUN_DB_PASSWORD", ""),
                r.integer("MILKRUN_DB_POOL_SIZE", 10),
                r.bool("MILKRUN_DEMO_DATA", false),
                ZoneId.of(r.string("MILKRUN_TIMEZONE", "Asia/Kolkata")),
                r.string("MILKRUN_JWT_ISSUER", "http://localhost:" + port),
                r.string("MILKRUN_JWT_AUDIENCE", "milkrun-web"),
                key,
                r.integer("MILKRUN_BCRYPT_COST", 10),
                smtp,
                r.bool("MILKRUN_DEV_MAILBOX", false),
                r.integer("MILKRUN_MAX_BODY_BYTES", 1024 * 1024),
                r.bool("MILKRUN_HTTP_VIRTUAL_THREADS", virtualThreadsByDefault()),
                Arrays.stream(r.string("MILKRUN_CORS_ORIGINS", "").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                r.string("MILKRUN_LOG_LEVEL", "INFO"),
                new Processing(r.bool("MILKRUN_WORKFLOW_RUNNER", true),
                        r.integer("MILKRUN_WORKFLOW_WORKERS", 8),
                        Duration.ofMillis(r.integer("MILKRUN_WORKFLOW_POLL_MS", 500)),
                        Duration.ofSeconds(r.integer("MILKRUN_WORKFLOW_LEASE_SECONDS", 15)),
                        Duration.ofMillis(r.integer("MILKRUN_EMAIL_RETRY_MS", 2000)),
                        r.integer("MILKRUN_EMAIL_ATTEMPTS", 4),
                        r.bool("MILKRUN_WORKFLOW_EAGER", true)),
                new RateLimits(r.integer("MILKRUN_RATE_LIMIT_PER_CLIENT", RateLimits.defaults().requestsPerClientPerMinute()),
                        r.integer("MILKRUN_RATE_LIMIT_PER_ACCOUNT", RateLimits.defaults().requestsPerAccountPerMinute()),
                        r.integer("MILKRUN_FAILED_ATTEMPTS_PER_CLIENT", RateLimits.defaults().failedAttemptsPerClient()),
                        RateLimits.defaults().attemptsWindow()),
                new MetricsSettings(r.bool("MILKRUN_METRICS", true), r.optional("MILKRUN_METRICS_TOKEN")),
                new OrderLimits(r.integer("MILKRUN_MAX_OPEN_COD_ORDERS", OrderLimits.DEFAULT_MAX_OPEN_CASH_ORDERS),
                        r.integer("MILKRUN_MAX_UNITS_PER_PRODUCT", OrderLimits.DEFAULT_MAX_UNITS_PER_PRODUCT)),
                new Dynamo(r.optional("MILKRUN_DYNAMODB_ENDPOINT"), r.string("AWS_REGION", "ap-south-1"),
                        r.string("MILKRUN_DYNAMODB_TABLE_PREFIX", "milkrun-"), tableVariables(env),
                        r.bool("MILKRUN_DYNAMODB_CREATE_TABLES", false)),
                new StepFunctions(orderWorkflow(r.string("MILKRUN_ORDER_WORKFLOW", "local")),
                        r.optional("ORDER_STATE_MACHINE_ARN"), r.optional("MILKRUN_STEPFUNCTIONS_ENDPOINT")),
                basePath(r.string("MILKRUN_API_BASE_PATH", "")),
                ses(r),
                cognito(r, env));
    }

    @Override
    public String toString() {
        return "Config[port=" + port + ", store=" + store + ", dbUrl=" + dbUrl + ", dbUser=" + dbUser
                + ", demoData=" + demoData + ", timeZone=" + timeZone + ", jwtIssuer=" + jwtIssuer + ", jwtAudience=" + jwtAudience
                + ", jwtPrivateKey=" + (jwtPrivateKey.isPresent() ? "(configured)" : "(generated)") + ", smtp=" + smtp
                + ", devMailbox=" + devMailbox + ", maxBodyBytes=" + maxBodyBytes + ", virtualThreads=" + virtualThreads + ", corsOrigins=" + corsOrigins
                + ", logLevel=" + logLevel + ", processing=" + processing + ", limits=" + limits + ", metrics=" + metrics + ", orderLimits=" + orderLimits + ", dynamo=" + dynamo + ", stepFunctions=" + stepFunctions + ", apiBasePath=" + apiBasePath + ", ses=" + ses + ", cognito=" + cognito + "]";
    }

    /**
     * Whether the local server runs requests on virtual threads unless told otherwise: from JDK 24 on, where a virtual
     * thread that blocks inside a {@code synchronized} block no longer holds on to its carrier (JEP 491). Before that,
     * a driver or library waiting inside one could stall the few carriers, so requests keep platform threads there.
     */
    static boolean virtualThreadsByDefault() {
        return Runtime.version().feature() >= 24;
    }

    /** The Cognito user pool that signs users in ({@code MILKRUN_IDENTITY=cognito}), or empty for the local provider. */
    private static Optional<CognitoSettings> cognito(Reader r, Map<String, String> env) {
        String identity = r.string("MILKRUN_IDENTITY", "local").toLowerCase(java.util.Locale.ROOT);
        return switch (identity) {
            case "local" -> Optional.empty();
            case "cognito" -> Optional.of(CognitoSettings.fromEnvironment(env));
            default -> throw new IllegalArgumentException("MILKRUN_IDENTITY must be local or cognito, got " + identity);
        };
    }

    private static Optional<Ses> ses(Reader r) {
        String email = r.string("MILKRUN_EMAIL", "smtp").toLowerCase(java.util.Locale.ROOT);
        return switch (email) {
            case "smtp" -> Optional.empty();
            case "ses" -> Optional.of(new Ses(r.optional("MILKRUN_SES_FROM").orElseThrow(() ->
                    new IllegalArgumentException("MILKRUN_EMAIL=ses needs MILKRUN_SES_FROM, the verified sender")),
                    r.optional("MILKRUN_SES_ENDPOINT"), r.optional("MILKRUN_SES_CONFIGURATION_SET")));
            default -> throw new IllegalArgumentException("MILKRUN_EMAIL must be smtp or ses, got " + email);
        };
    }

    private static boolean orderWorkflow(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "local" -> false;
            case "stepfunctions" -> true;
            default -> throw new IllegalArgumentException("MILKRUN_ORDER_WORKFLOW must be local or stepfunctions, got " + value);
        };
    }

    /** A path prefix the API is served under ({@code /api} behind CloudFront), without a trailing slash. */
    private static String basePath(String value) {
        String path = value.strip();
        if (path.isEmpty() || path.equals("/")) {
            return "";
        }
        if (!path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("MILKRUN_API_BASE_PATH must start and not end with /, got " + value);
        }
        return path;
    }

    /** The set variables that name a DynamoDB table ({@code USERS_TABLE}, {@code ORDERS_TABLE}, ...). */
    private static Map<String, String> tableVariables(Map<String, String> env) {
        Map<String, String> tables = new java.util.TreeMap<>();
        env.forEach((name, value) -> {
            if (name.endsWith("_TABLE") && value != null && !value.isBlank()) {
                tables.put(name, value.strip());
            }
        });
        return tables;
    }

    private static String readFile(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("MILKRUN_JWT_PRIVATE_KEY_FILE cannot be read: " + path, e);
        }
    }

    /** Typed reads of the environment with clear errors for bad values. */
    private record Reader(Map<String, String> env) {
        Optional<String> optional(String name) {
            return Optional.ofNullable(env.get(name)).map(String::strip).filter(v -> !v.isEmpty());
        }

        String string(String name, String fallback) {
            return optional(name).orElse(fallback);
        }

        int integer(String name, int fallback) {
            return optional(name).map(v -> {
                try {
                    return Integer.parseInt(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
                }
            }).orElse(fallback);
        }

        boolean bool(String name, boolean fallback) {
            return optional(name).map(v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new IllegalArgumentException(name + " must be true or false, got '" + v + "'");
            }).orElse(fallback);
        }
    }
}
