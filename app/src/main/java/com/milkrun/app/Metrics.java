package com.milkrun.app;

import com.milkrun.http.RequestObserver;
import com.milkrun.notifications.EmailStatus;
import com.milkrun.notifications.OutboundEmail;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.workflow.RunQuery;
import com.milkrun.workflow.RunStatus;
import com.milkrun.workflow.WorkflowRun;
import com.milkrun.workflow.WorkflowStore;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * MilkRun's meters, on whatever {@link MeterRegistry} the composition root hands in (Prometheus for the local
 * server, another registry such as CloudWatch's on AWS), so that the core and the router never see a metrics library.
 *
 * <ul>
 *   <li>{@code milkrun.http.requests}: a timer per route action, method and status, with latency buckets. The route
 *       action names the route template, never the raw path, so the number of series stays bounded.</li>
 *   <li>{@code milkrun.orders.placed}: orders created ({@code POST /orders} answered 201; a replayed idempotent
 *       request answers 200 and is not counted again).</li>
 *   <li>{@code milkrun.workflow.runs} by status and state and {@code milkrun.workflow.oldest.running.age}: read from
 *       the workflow store, at most every few seconds, whoever scrapes how often.</li>
 *   <li>{@code milkrun.email.outbox} by status: pending and dead email deliveries, read the same way.</li>
 *   <li>The database pool ({@code hikaricp.*}) and the JVM: memory, GC, threads, class loading, CPU, uptime.</li>
 * </ul>
 */
public final class Metrics implements RequestObserver, AutoCloseable {
    /** The action of {@code POST /orders}; its 201 answers count orders placed. */
    static final String PLACE_ORDER_ACTION = "CreateOrder";
    /** How long a reading of the stores is reused: a scrape every second costs the database one read per interval. */
    static final Duration STORE_READING_TTL = Duration.ofSeconds(5);
    /**
     * Runs or deliveries counted at most per status and reading, so that a huge backlog cannot make the reading itself
     * heavy. Beyond it the gauges describe the newest ones only (their lists are newest first), which still reads as
     * the alarm such a backlog is.
     */
    static final int MAX_COUNTED = 10_000;

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final Clock clock;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Counter ordersPlaced;
    private final Map<RequestKey, Timer> requestTimers = new ConcurrentHashMap<>();

    public Metrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        ordersPlaced = Counter.builder("milkrun.orders.placed").description("Orders placed").register(registry);
    }

    /** A registry that keeps meters in Prometheus's exposition format, for {@link #scrape()}. */
    public static MeterRegistry prometheusRegistry() {
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Whether {@link #scrape()} has something to give: the registry is Prometheus's. */
    public boolean scrapes() {
        return registry instanceof PrometheusMeterRegistry;
    }

    /** The meters in Prometheus's text format, when the registry is Prometheus's. */
    public Optional<String> scrape() {
        if (!(registry instanceof PrometheusMeterRegistry prometheus)) {
            return Optional.empty();
        }
        refreshReadings();
        return Optional.of(prometheus.scrape());
    }

    @Override
    public void requestHandled(String action, String method, int status, long durationNanos) {
        String knownMethod = METHODS.contains(method) ? method : "OTHER";
        int knownStatus = status >= 100 && status <= 599 ? status : 599;
        requestTimers.computeIfAbsent(new RequestKey(action, knownMethod, knownStatus), this::requestTimer)
                .record(durationNanos, TimeUnit.NANOSECONDS);
        if (knownStatus == 201 && action.equals(PLACE_ORDER_ACTION)) {
            ordersPlaced.increment();
        }
    }

    private Timer requestTimer(RequestKey key) {
        return Timer.builder("milkrun.http.requests")
                .description("API requests by route action, method and status")
                .tag("action", key.action())
                .tag("method", key.method())
                .tag("status", Integer.toString(key.status()))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    /** The pool's connections, waits and timeouts, when the stores are SQL behind HikariCP. */
    void watchPool(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        }
    }

    /** Runs still running or failed, by the state they are in, and how long the oldest running one has been going. */
    void watchWorkflows(WorkflowStore store) {
        StoreReading<WorkflowCounts> reading = new StoreReading<>(() -> countRuns(store), WorkflowCounts.EMPTY);
        Function<RunStatus, Function<String, Gauge>> byState = status -> state -> Gauge.builder("milkrun.workflow.runs",
                        reading, r -> r.get().count(status, state))
                .description("Workflow runs by status and current state (running and failed ones)")
                .tag("status", status.wireName())
                .tag("state", state)
                .strongReference(true)
                .register(registry);
        reading.onRefresh(counts -> counts.byStatus().forEach((status, states) -> states.keySet()
                .forEach(state -> byState.apply(status).apply(state))));
        Gauge.builder("milkrun.workflow.runs.running", reading, r -> r.get().total(RunStatus.RUNNING))
                .description("Workflow runs not finished yet").strongReference(true).register(registry);
        Gauge.builder("milkrun.workflow.oldest.running.age", reading,
                        r -> r.get().oldestRunning().map(t -> Math.max(0, Duration.between(t, clock.instant()).toMillis()) / 1000.0).orElse(0.0))
                .description("Age of the oldest workflow run not finished yet")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    /** Outbound emails waiting to be sent, and those that gave up. */
    void watchOutbox(NotificationStore store) {
        StoreReading<Map<EmailStatus, Integer>> reading = new StoreReading<>(() -> Map.of(
                EmailStatus.PENDING, countEmails(store, EmailStatus.PENDING),
                EmailStatus.DEAD, countEmails(store, EmailStatus.DEAD)), Map.of());
        for (EmailStatus status : Set.of(EmailStatus.PENDING, EmailStatus.DEAD)) {
            Gauge.builder("milkrun.email.outbox", reading, r -> r.get().getOrDefault(status, 0))
                    .description("Outbound emails pending or dead")
                    .tag("status", status.wireName())
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** Reads every store gauge now if its reading is stale, so that gauges of newly seen states are in the scrape. */
    private void refreshReadings() {
        registry.getMeters().stream().filter(m -> m instanceof Gauge && m.getId().getName().startsWith("milkrun."))
                .forEach(m -> ((Gauge) m).value());
    }

    private static WorkflowCounts countRuns(WorkflowStore store) {
        Map<RunStatus, Map<String, Integer>> byStatus = new HashMap<>();
        Instant oldest = null;
        for (RunStatus status : Set.of(RunStatus.RUNNING, RunStatus.FAILED)) {
            Map<String, Integer> byState = new HashMap<>();
            int counted = 0;
            Optional<String> token = Optional.empty();
            do {
                Page<WorkflowRun> page = store.list(new RunQuery(Optional.of(status), Optional.empty()),
                        new PageRequest(PageRequest.MAX_LIMIT, token.orElse(null)));
                for (WorkflowRun run : page.items()) {
                    byState.merge(run.currentState(), 1, Integer::sum);
                    if (status == RunStatus.RUNNING && (oldest == null || run.createdAt().isBefore(oldest))) {
                        oldest = run.createdAt();
                    }
                }
                counted += page.items().size();
                token = page.nextToken();
            } while (token.isPresent() && counted < MAX_COUNTED);
            byStatus.put(status, byState);
        }
        return new WorkflowCounts(byStatus, Optional.ofNullable(oldest));
    }

    private static int countEmails(NotificationStore store, EmailStatus status) {
        int counted = 0;
        Optional<String> token = Optional.empty();
        do {
            Page<OutboundEmail> page = store.emails(Optional.of(status), new PageRequest(PageRequest.MAX_LIMIT, token.orElse(null)));
            counted += page.items().size();
            token = page.nextToken();
        } while (token.isPresent() && counted < MAX_COUNTED);
        return counted;
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    private record RequestKey(String action, String method, int status) {
    }

    private record WorkflowCounts(Map<RunStatus, Map<String, Integer>> byStatus, Optional<Instant> oldestRunning) {
        static final WorkflowCounts EMPTY = new WorkflowCounts(Map.of(), Optional.empty());

        double count(RunStatus status, String state) {
            return byStatus.getOrDefault(status, Map.of()).getOrDefault(state, 0);
        }

        double total(RunStatus status) {
            return byStatus.getOrDefault(status, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * A value read from a store at most once per {@link #STORE_READING_TTL}; a failed read (the database away) keeps
     * the last value rather than failing the scrape.
     */
    private static final class StoreReading<T> {
        private final Supplier<T> read;
        private volatile T value;
        private volatile long readAt;
        private volatile boolean loaded;
        private volatile Consumer<T> onRefresh = v -> { };

        StoreReading(Supplier<T> read, T initial) {
            this.read = read;
            this.value = initial;
        }

        /** Told about every new reading (e.g. to add the gauge of a state seen for the first time). */
        void onRefresh(Consumer<T> listener) {
            this.onRefresh = listener;
        }

        T get() {
            if (stale()) {
                synchronized (this) {
                    if (stale()) {
                        try {
                            value = read.get();
                            onRefresh.accept(value);
                        } catch (RuntimeException unavailable) {
                            // keep the last reading: a scrape must not fail because the database is away for a moment
                        }
                        readAt = System.nanoTime();
                        loaded = true;
                    }
                }
            }
            return value;
        }

        private boolean stale() {
            return !loaded || System.nanoTime() - readAt >= STORE_READING_TTL.toNanos();
        }
    }
}
