package com.milkrun.server.workflow;

import com.milkrun.server.testing.Shop;
import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.store.sql.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Two server processes on one PostgreSQL database, both running the order workflow: each polls for the other's runs
 * too, so they race to claim them, and still every step is applied once.
 */
class TwoServersShareTheWorkflowTest {
    private static final int CUSTOMERS = 10;

    /**
     * A server's workflow runner: with a poll every 20 ms and one worker, while a server works through its own queue
     * the other finds those runs due and claims them too, so the two race for most runs. A lease of one second
     * (renewed every third of it) lets a server that stalls lose its runs to the other in the middle of a step.
     */
    private static Map<String, String> runners(String workers, String pollMillis) {
        return Map.of("MILKRUN_WORKFLOW_WORKERS", workers, "MILKRUN_WORKFLOW_POLL_MS", pollMillis,
                "MILKRUN_WORKFLOW_LEASE_SECONDS", "1");
    }

    @Test
    void a_hundred_orders_taken_by_two_servers_are_each_confirmed_once_whoever_runs_their_steps() throws Exception {
        try (Shared shared = Shared.start("shared", runners("1", "20"), runners("1", "20"))) {
            List<Shop.Answer> answers = race(100, i -> shared.order(i % 2 == 0 ? shared.a : shared.b, i));
            assertThat(answers).extracting(Shop.Answer::status).as("answers to the orders").containsOnly(201);
            shared.settleAndAudit(answers);
        }
    }

    @Test
    void a_server_frozen_mid_step_past_its_lease_applies_nothing_twice_when_it_wakes() throws Exception {
        // The second server looks for due runs only every 200 ms, so the first one, which takes all the orders, works
        // on their runs itself, four at a time, unless it stalls.
        try (Shared shared = Shared.start("frozen", runners("4", "20"), runners("4", "200"))) {
            // At random moments the first server stands still (SIGSTOP) for two leases, three times, so the second
            // one takes its runs over mid-step; each time it wakes up and finishes, late, the steps it was in.
            AtomicInteger answered = new AtomicInteger();
            Random random = new Random(20_260_214L);
            List<String> freezes = new ArrayList<>();
            ExecutorService freezer = Executors.newSingleThreadExecutor();
            Future<?> freezing = freezer.submit(() -> {
                Instant deadline = Instant.now().plusSeconds(60);
                while (answered.get() < 5 && Instant.now().isBefore(deadline)) {
                    LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
                }
                for (int i = 0; i < 3; i++) {
                    // The freezes' moments and lengths are the point of the test: not waits for something to happen.
                    int delay = random.nextInt(150);
                    LockSupport.parkNanos(Duration.ofMillis(delay).toNanos());
                    int before = answered.get();
                    shared.first.freeze();
                    LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
                    shared.first.thaw();
                    freezes.add("after " + delay + " ms more, at " + before + " answers");
                }
                return null;
            });
            List<Shop.Answer> answers;
            try {
                answers = race(90, i -> {
                    Shop.Answer a = shared.order(shared.a, i);
                    answered.incrementAndGet();
                    return a;
                });
                freezing.get(120, TimeUnit.SECONDS);
                System.out.println("[frozen] first server frozen for 2 s three times: " + freezes);
            } finally {
                freezer.shutdownNow();
            }
            assertThat(answers).extracting(Shop.Answer::status).as("answers to the orders").containsOnly(201);
            shared.settleAndAudit(answers);
        }
    }

    /** Two servers on a fresh database, their demo vendors and admin, ten customers and two products. */
    private static final class Shared implements AutoCloseable {
        private final String name;
        private final Instant begin = Instant.now();
        private final PostgresTestDatabase postgres;
        private final ServerProcess first;
        private final ServerProcess second;
        private final Shop a;
        private final Shop b;
        private final String gir;
        private final String vrindavan;
        private final String admin;
        private final String girMilk;
        private final String vrindavanMilk;
        private final List<String> customers;
        private final LeaseWatch leases;

        private Shared(String name, PostgresTestDatabase postgres, ServerProcess first, ServerProcess second) {
            this.name = name;
            this.postgres = postgres;
            this.first = first;
            this.second = second;
            this.a = new Shop(first.port());
            this.b = new Shop(second.port());
            this.gir = a.demoLogin(Shop.GIR_OWNER);
            this.vrindavan = b.demoLogin(Shop.VRINDAVAN_OWNER);
            this.admin = a.demoLogin(Shop.ADMIN);
            this.girMilk = a.newProduct(gir, 10_000);
            this.vrindavanMilk = b.newProduct(vrindavan, 10_000);
            this.customers = IntStream.range(0, CUSTOMERS).mapToObj(i -> (i % 2 == 0 ? a : b).newCustomer()).toList();
            this.leases = new LeaseWatch(postgres);
            leases.start();
        }

        static Shared start(String name, Map<String, String> firstRunner, Map<String, String> secondRunner) throws Exception {
            PostgresTestDatabase postgres = new PostgresTestDatabase();
            ServerProcess first = null;
            ServerProcess second = null;
            try {
                ServerEnvironments.startOrSkip(postgres);
                first = ServerProcess.start(name + "-a", ServerEnvironments.postgres(postgres, firstRunner), Duration.ofSeconds(120));
                second = ServerProcess.start(name + "-b", ServerEnvironments.postgres(postgres, secondRunner), Duration.ofSeconds(120));
                return new Shared(name, postgres, first, second);
            } catch (Exception | Error e) {
                if (second != null) {
                    second.close();
                }
                if (first != null) {
                    first.close();
                }
                postgres.close();
                throw e;
            }
        }

        /** Order number {@code i}: milk from both dairies, for one of the customers. */
        Shop.Answer order(Shop shop, int i) {
            return shop.order(customers.get(i % CUSTOMERS), UUID.randomUUID().toString(), List.of(
                    new Shop.Line(girMilk, Shop.GIR, 1 + i % 4), new Shop.Line(vrindavanMilk, Shop.VRINDAVAN, 1 + i % 3)));
        }

        /** Waits for the workflow to finish every run, then checks every order of the customers. */
        void settleAndAudit(List<Shop.Answer> answers) throws InterruptedException {
            WorkflowAudit audit = new WorkflowAudit(b, admin, Map.of(Shop.GIR, gir, Shop.VRINDAVAN, vrindavan));
            Optional<Duration> settled = audit.awaitSettled(customers, Duration.ofSeconds(60));
            leases.stop();
            WorkflowAudit.Findings findings = audit.audit(customers, Map.of(girMilk, Shop.GIR, vrindavanMilk, Shop.VRINDAVAN));
            System.out.printf("[%s] settled after %s, %s, whole test %s%n", name, settled.map(Duration::toString).orElse("never"),
                    findings.counts(), Duration.between(begin, Instant.now()));
            System.out.println("[" + name + "] " + leases.report());
            findings.observations().forEach(o -> System.out.println("[" + name + "] observed: " + o));
            assertThat(settled).as("the workflow settled within 60 s; runs still running: %s",
                    settled.isPresent() ? List.of() : audit.unfinished()).isPresent();
            assertThat(findings.problems()).as("what went wrong with two servers sharing the workflow (server logs in %s)",
                    first.log().getParent().toAbsolutePath()).isEmpty();
            assertThat(findings.orders()).extracting(WorkflowAudit.SeenOrder::orderId)
                    .containsExactlyInAnyOrderElementsOf(answers.stream().map(x -> x.text("orderId")).toList());
            assertThat(first.alive() && second.alive()).as("both servers still up").isTrue();
        }

        @Override
        public void close() {
            try {
                second.close();
                first.close();
            } finally {
                postgres.close();
            }
        }
    }

    /**
     * Which server held which run, sampled from the database while the runs go on: the run history does not name the
     * process that ran a step, so this is the only way to see that both servers did work. For the report only.
     */
    private static final class LeaseWatch {
        private final PostgresTestDatabase postgres;
        private final Map<String, Set<String>> runsByOwner = new ConcurrentHashMap<>();
        private volatile boolean watching = true;
        private Thread thread;

        LeaseWatch(PostgresTestDatabase postgres) {
            this.postgres = postgres;
        }

        void start() {
            thread = Thread.ofPlatform().daemon().name("lease-watch").start(() -> {
                while (watching) {
                    try (Connection c = postgres.database().dataSource().getConnection();
                         PreparedStatement q = c.prepareStatement("SELECT lease_owner, run_id FROM workflow_runs"
                                 + " WHERE lease_owner IS NOT NULL");
                         ResultSet rows = q.executeQuery()) {
                        while (rows.next()) {
                            runsByOwner.computeIfAbsent(rows.getString(1), o -> ConcurrentHashMap.newKeySet()).add(rows.getString(2));
                        }
                    } catch (SQLException | RuntimeException e) {
                        return;
                    }
                    LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
                }
            });
        }

        void stop() throws InterruptedException {
            watching = false;
            thread.join(Duration.ofSeconds(10));
        }

        String report() {
            Map<String, Integer> counts = new TreeMap<>();
            runsByOwner.forEach((owner, runs) -> counts.put(owner, runs.size()));
            Set<String> both = new TreeSet<>();
            runsByOwner.values().forEach(runs -> runs.forEach(run -> {
                if (runsByOwner.values().stream().filter(r -> r.contains(run)).count() > 1) {
                    both.add(run);
                }
            }));
            return "runs seen leased, by owner (sampled): " + counts + "; runs seen leased to both: " + both.size();
        }
    }

    /** Runs {@code racers} tasks on as many threads, released at once by one latch. */
    private static <T> List<T> race(int racers, IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch ready = new CountDownLatch(racers);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.apply(n);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).as("all racers ready").isTrue();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
