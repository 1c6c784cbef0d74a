package com.milkrun.app;

import com.milkrun.accounts.IdentityProvider;
import com.milkrun.accounts.LocalIdentityProvider;
import com.milkrun.accounts.MyAccount;
import com.milkrun.accounts.PasswordHasher;
import com.milkrun.accounts.RequestScopedUsers;
import com.milkrun.accounts.SignIn;
import com.milkrun.accounts.TokenService;
import com.milkrun.backoffice.CatalogAdministration;
import com.milkrun.backoffice.UserAdministration;
import com.milkrun.catalog.Shop;
import com.milkrun.catalog.VendorPortal;
import com.milkrun.demo.DemoData;
import com.milkrun.http.Api;
import com.milkrun.http.ApiRouter;
import com.milkrun.http.ApiSettings;
import com.milkrun.http.JsonLog;
import com.milkrun.http.Services;
import com.milkrun.identity.BcryptPasswordHasher;
import com.milkrun.identity.JwtTokenService;
import com.milkrun.identity.SigningKeys;
import com.milkrun.identity.cognito.CognitoClients;
import com.milkrun.identity.cognito.CognitoIdentityProvider;
import com.milkrun.identity.cognito.CognitoSettings;
import com.milkrun.mail.SesEmailSender;
import com.milkrun.mail.SmtpEmailSender;
import com.milkrun.mail.SmtpSettings;
import com.milkrun.notifications.EmailRetryPolicy;
import com.milkrun.notifications.EmailSender;
import com.milkrun.notifications.Notifications;
import com.milkrun.orders.DeliveryWindow;
import com.milkrun.orders.OrderNotices;
import com.milkrun.orders.OrderProcessing;
import com.milkrun.orders.OrderSteps;
import com.milkrun.orders.OrderUseCases;
import com.milkrun.orders.ResumeStalledOrders;
import com.milkrun.shared.Lazy;
import com.milkrun.store.memory.InMemoryStores;
import com.milkrun.store.sql.SqlDatabase;
import com.milkrun.store.sql.SqlStores;
import com.milkrun.stores.Stores;
import com.milkrun.workflow.StepHandler;
import com.milkrun.workflow.WorkflowRuns;
import com.milkrun.workflow.engine.EngineSettings;
import com.milkrun.workflow.engine.WorkflowEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * A running MilkRun: the API router with everything behind it. Built once per process by the local server and
 * once per Lambda container.
 */
public final class MilkRun implements AutoCloseable {
    /** bcrypt (cost 10) of {@link DemoData#PASSWORD}, computed once so that start-up spends no time hashing it. */
    static final String DEMO_PASSWORD_BCRYPT = "$2a$10$64TCg4YvukTedspea2nfqukkPT7wMYR2UCCNRPQR02vBiHdQ/syOS";

    private final ApiRouter router;
    private final Stores stores;
    private final JsonLog log;
    private final WorkflowEngine engine;
    private final Notifications notifications;
    private final Map<String, StepHandler> steps;
    private final List<AutoCloseable> resources;
    private final Optional<Metrics> metrics;
    private final ResumeStalledOrders stalledOrders;
    private final List<Runnable> clientMakers;

    private MilkRun(ApiRouter router, Stores stores, JsonLog log, WorkflowEngine engine, Notifications notifications,
                    Map<String, StepHandler> steps, List<AutoCloseable> resources, Optional<Metrics> metrics,
                    ResumeStalledOrders stalledOrders, List<Runnable> clientMakers) {
        this.clientMakers = List.copyOf(clientMakers);
        this.metrics = metrics;
        this.stalledOrders = stalledOrders;
        this.engine = engine;
        this.steps = steps;
        this.notifications = notifications;
        this.resources = List.copyOf(resources);
        this.router = router;
        this.stores = stores;
        this.log = log;
    }

    public static MilkRun start(Config config) {
        return start(config, Clock.systemUTC());
    }

    public static MilkRun start(Config config, Clock clock) {
        return start(config, clock, UnaryOperator.identity());
    }

    /**
     * A MilkRun whose order workflow steps are {@code steps} applied to the real ones: how tests make a step fail
     * (a database outage, a mail server down) to watch retries, catches and the back office's retry.
     */
    public static MilkRun start(Config config, Clock clock, UnaryOperator<Map<String, StepHandler>> steps) {
        return start(config, clock, steps, config.metrics().prometheus() ? Optional.of(Metrics.prometheusRegistry()) : Optional.empty());
    }

    /**
     * A MilkRun whose meters go to {@code registry} when given (Prometheus's for the local server; another registry,
     * such as CloudWatch's, where the process runs on AWS), or that keeps no meters.
     */
    public static MilkRun start(Config config, Clock clock, UnaryOperator<Map<String, StepHandler>> steps,
                                Optional<MeterRegistry> registry) {
        JsonLog log = new JsonLog(config.logLevel(), clock);
        Optional<Metrics> metrics = registry.map(r -> new Metrics(r, clock));
        Stores stores;
        try {
            Stores opened = openStores(config, clock, metrics);
            stores = opened.withUsers(new RequestScopedUsers(opened.users()));
        } catch (RuntimeException e) {
            metrics.ifPresent(Metrics::close);
            throw e;
        }
        List<AutoCloseable> resources = new ArrayList<>();
        metrics.ifPresent(resources::add);
        try {
            metrics.ifPresent(m -> {
                m.watchWorkflows(stores.workflows());
                m.watchOutbox(stores.notifications());
            });
            Optional<EmailSender> email = config.smtp().map(s -> new SmtpEmailSender(new SmtpSettings(s.host(), s.port(),
                    s.username(), s.password(), s.from(), s.startTls(), s.timeout())));
            List<Runnable> clientMakers = new ArrayList<>();
            if (config.ses().isPresent()) {
                SesEmailSender ses = AwsClients.ses(config.ses().get(), config.dynamo().region());
                resources.add(ses);
                clientMakers.add(ses::makeClient);
                email = Optional.of(ses);
            }
            Config.Processing processing = config.processing();
            Notifications notifications = new Notifications(stores.notifications(), email, clock,
                    new EmailRetryPolicy(processing.emailAttempts(), processing.emailFirstRetry(), 2.0, Duration.ofSeconds(60)));
            IdentityProvider identity;
            Optional<Supplier<String>> jwks;
            if (config.cognito().isPresent()) {
                // the user pool issues and signs the tokens: MilkRun's own signing key is neither read nor made
                // made on first use: checking a token (most requests) never calls the pool
                CognitoSettings pool = config.cognito().get();
                Lazy<CognitoIdentityProviderClient> cognito = Lazy.of(() -> CognitoClients.create(pool,
                        AwsClients.credentials(pool.endpoint().map(Object::toString))));
                resources.add(cognito);
                clientMakers.add(cognito::get);
                identity = new CognitoIdentityProvider(cognito, pool, stores.users(), clock);
                jwks = Optional.empty();
            } else {
                PasswordHasher hasher = new BcryptPasswordHasher(config.bcryptCost());
                TokenService tokens = new JwtTokenService(config.jwtIssuer(), config.jwtAudience(),
                        SigningKeys.load(config.jwtPrivateKey(), stores.signingKeys(), clock), clock);
                identity = new LocalIdentityProvider(stores.users(), stores.credentials(), stores.sessions(), hasher,
                        tokens, notifications, clock);
                jwks = Optional.of(tokens::jwksJson);
            }
            warnAboutDemoSettings(config, log);
            if (config.demoData()) {
                boolean loaded = new DemoData(stores.users(), stores.credentials(), DEMO_PASSWORD_BCRYPT, stores.vendors(),
                        stores.products(), stores.stock(), stores.orders(), clock).loadIfAbsent();
                if (loaded) {
                    log.info("demo data loaded", Map.of("accounts", "customer@, vendor@, manager@, admin@, agent@milkrun.dev",
                            "password", "see README"));
                }
            }
            OrderNotices notices = new OrderNotices(notifications, stores.users(), stores.vendors(), clock);
            OrderSteps orderSteps = new OrderSteps(stores.orders(), notices, clock);
            Map<String, StepHandler> ownHandlers = orderSteps.handlers();
            Map<String, StepHandler> stepHandlers = Map.copyOf(steps.apply(ownHandlers));
            Set<String> aheadTasks = ownHandlers.keySet().stream()
                    .filter(task -> stepHandlers.get(task) == ownHandlers.get(task)).collect(Collectors.toSet());
            WorkflowEngine engine = new WorkflowEngine(stores.workflows(), OrderWorkflow.machine(),
                    OrderWorkflow.NAME, stepHandlers, clock,
                    EngineSettings.defaults().withWorkers(processing.workers()).withPollInterval(processing.poll())
                            .withLease(processing.lease()));
            resources.add(engine);
            EngineOrderProcessing localProcessing = new EngineOrderProcessing(engine, stores.workflows(), processing.eager(),
                    orderSteps, aheadTasks, notices);
            OrderProcessing orderProcessing = localProcessing;
            if (config.stepFunctions().enabled()) {
                Lazy<SfnClient> stepFunctions = Lazy.of(() -> AwsClients.stepFunctions(config.stepFunctions(),
                        config.dynamo().region()));
                resources.add(stepFunctions);
                clientMakers.add(stepFunctions::get);
                orderProcessing = new StepFunctionsOrderProcessing(stepFunctions,
                        config.stepFunctions().stateMachineArn().orElseThrow(), log);
            }
            OrderUseCases orders = OrderUseCases.of(stores.orders(), stores.users(), stores.placingReads(), stores.vendors(),
                    stores.stock(), DeliveryWindow.standard(config.timeZone()), config.orderLimits(), orderProcessing,
                    Optional.of(notices), clock);
            WorkflowRuns runs = new WorkflowRuns(stores.workflows(), localProcessing);
            if (processing.runner()) {
                EmailOutbox outbox = new EmailOutbox(notifications, processing.poll());
                resources.add(outbox);
                notifications.onQueued(outbox::soon);
                engine.start();
            }
            ApiSettings settings = new ApiSettings(config.maxBodyBytes(), config.corsOrigins(), config.devMailbox(), config.logLevel(),
                    config.limits());
            Services services = new Services(new SignIn(stores.users(), identity, clock), new MyAccount(stores.users(), clock),
                    new Shop(stores.vendors(), stores.products(), stores.stock()),
                    new VendorPortal(stores.vendors(), stores.products(), stores.stock(), clock),
                    new UserAdministration(stores.users(), stores.vendors(), identity, notifications, clock),
                    new CatalogAdministration(stores.vendors(), stores.products(), stores.stock(), stores.users(),
                            notifications, clock),
                    orders, stores.notifications(), notifications, runs, jwks, stores.ready());
            ApiRouter router = Api.router(services, settings, log, clock);
            if (metrics.isPresent()) {
                router = router.observedBy(metrics.get());
            }
            return new MilkRun(router, stores, log, engine, notifications, stepHandlers, resources, metrics,
                    orders.resuming(), clientMakers);
        } catch (RuntimeException e) {
            closeAll(resources);
            closeQuietly(stores);
            throw e;
        }
    }

    /** Either setting makes the deployment open to anyone who reads the README, so the start log says so plainly. */
    private static void warnAboutDemoSettings(Config config, JsonLog log) {
        if (config.devMailbox()) {
            log.warn("dev mailbox open: anyone can read every verification and reset code",
                    Map.of("route", "/dev/mailbox", "setting", "MILKRUN_DEV_MAILBOX=false turns it off"));
        }
        if (config.demoData()) {
            log.warn("demo data on: the demo accounts' passwords are published in the README",
                    Map.of("setting", "MILKRUN_DEMO_DATA=false keeps an empty database empty"));
        }
    }

    private static Stores openStores(Config config, Clock clock, Optional<Metrics> metrics) {
        if (config.store() == Config.StoreKind.MEMORY) {
            return InMemoryStores.create();
        }
        if (config.store() == Config.StoreKind.DYNAMODB) {
            return DynamoSetup.open(config.dynamo(), clock);
        }
        SqlDatabase db = SqlDatabase.open(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize());
        metrics.ifPresent(m -> m.watchPool(db.dataSource()));
        return SqlStores.of(db, clock);
    }

    public ApiRouter router() {
        return router;
    }

    public JsonLog log() {
        return log;
    }

    public Stores stores() {
        return stores;
    }

    /** The order workflow's runner (for tests and benchmarks that drive it step by step). */
    public WorkflowEngine engine() {
        return engine;
    }

    /** The order workflow's step handlers by task name: what each Task state of the definition runs. */
    public Map<String, StepHandler> steps() {
        return steps;
    }

    /** This process's meters, unless it keeps none ({@code MILKRUN_METRICS=false} and no registry given). */
    public Optional<Metrics> metrics() {
        return metrics;
    }

    /** Sending notifications and the email outbox (for tests and benchmarks that drive retries themselves). */
    public Notifications notifications() {
        return notifications;
    }

    /**
     * Makes now the AWS clients that are otherwise made on first use (Cognito, SES, Step Functions): a process about
     * to be snapshotted (Lambda SnapStart) makes them before the snapshot, so that no restored copy pays for them.
     */
    public void makeClients() {
        clientMakers.forEach(Runnable::run);
    }

    /** What one {@link #sweep()} did. */
    public record Sweep(int emailsAttempted, int ordersResumed) {
    }

    /**
     * The periodic work of a deployment without runner threads (on AWS, a scheduled function): sends the emails that
     * are due (retries after backoff, emails an admin queued again) and resumes orders still {@code Pending} well
     * after they were placed (a Step Functions start lost after commit). Safe to run anywhere, any number of times.
     *
     * @throws IllegalStateException when some stalled orders could not be resumed (after the emails and the other
     *         orders were seen to): the scheduled invocation fails visibly and the next one tries again
     */
    public Sweep sweep() {
        int emails = notifications.sendDue();
        int orders = stalledOrders.resume();
        return new Sweep(emails, orders);
    }

    /** Stops the workflow runner and the email outbox (in-flight steps finish or are resumed later), then the stores. */
    @Override
    public void close() {
        closeAll(resources);
        closeQuietly(stores);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                System.getLogger(MilkRun.class.getName()).log(System.Logger.Level.WARNING, "closing " + resource + " failed: " + e);
            }
        }
    }

    private static void closeQuietly(Stores stores) {
        try {
            stores.closer().close();
        } catch (Exception e) {
            System.getLogger(MilkRun.class.getName()).log(System.Logger.Level.WARNING, "closing the stores failed: " + e);
        }
    }
}
