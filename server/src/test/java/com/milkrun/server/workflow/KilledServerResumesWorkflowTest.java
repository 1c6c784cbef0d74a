package com.milkrun.server.workflow;

import com.milkrun.server.testing.Shop;
import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.store.sql.testing.PostgresTestDatabase;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The order workflow is durable: a server killed with SIGKILL at a random moment, while customers are ordering and
 * runs are between steps, is replaced by a new process on the same database, which finishes every run. In the end
 * every order that exists is confirmed with each step applied exactly once, every order that got a 201 exists, and
 * an order whose request was cut off by the kill exists completely or not at all.
 */
class KilledServerResumesWorkflowTest {
    /** Fixed, so that a failure can be replayed with the same kill moments; {@code -Dmilkrun.seed=...} picks others. */
    private static final long SEED = Long.getLong("milkrun.seed", 20_260_214L);
    private static final int ORDERS_PER_ROUND = 15;
    private static final int CUSTOMERS = 5;
    private static final int MAX_KILL_DELAY_MILLIS = 300;
    private static final Map<String, String> QUICK_WORKFLOW = Map.of("MILKRUN_WORKFLOW_LEASE_SECONDS", "2",
            "MILKRUN_WORKFLOW_POLL_MS", "200");

    @Test
    void every_order_placed_around_eight_kill_9s_is_confirmed_exactly_once_on_postgresql() throws Exception {
        PostgresTestDatabase postgres = new PostgresTestDatabase();
        try {
            ServerEnvironments.startOrSkip(postgres);
            new Scenario("killed-pg", ServerEnvironments.postgres(postgres, QUICK_WORKFLOW), 8, SEED, false,
                    () -> unfinishedRuns(postgres)).run();
        } finally {
            postgres.close();
        }
    }

    @Test
    void every_order_placed_around_four_kill_9s_is_confirmed_exactly_once_on_an_h2_file(@TempDir Path dir) throws Exception {
        new Scenario("killed-h2", ServerEnvironments.h2File(dir, QUICK_WORKFLOW), 4, SEED + 1, true,
                () -> "(not looked at: opening the H2 file here would recover it in this process)").run();
    }

    /** The runs a killed server left unfinished, by state, read straight from the database while no server is up. */
    private static String unfinishedRuns(PostgresTestDatabase postgres) {
        Map<String, Integer> byState = new TreeMap<>();
        try (Connection c = postgres.database().dataSource().getConnection();
             PreparedStatement q = c.prepareStatement("SELECT current_state, COUNT(*) FROM workflow_runs"
                     + " WHERE status = 'Running' GROUP BY current_state");
             ResultSet rows = q.executeQuery()) {
            while (rows.next()) {
                byState.put(rows.getString(1), rows.getInt(2));
            }
        } catch (SQLException e) {
            return "(could not be read: " + e.getMessage() + ")";
        }
        return byState.toString();
    }

    /** One order request and what became of it. */
    private static final class Attempt {
        final int n;
        final int round;
        final String customer;
        final String key = UUID.randomUUID().toString();
        final List<Shop.Line> lines;
        volatile Integer status;
        volatile String orderId;
        volatile String answer;
        volatile String error;
        volatile Integer retryStatus;
        volatile String retryOrderId;

        Attempt(int n, int round, String customer, List<Shop.Line> lines) {
            this.n = n;
            this.round = round;
            this.customer = customer;
            this.lines = lines;
        }

        /** The request's quantities by product: unique per request, so that an order tells which request made it. */
        String signature() {
            Map<String, Integer> q = new TreeMap<>();
            lines.forEach(l -> q.put(l.productId(), l.quantity()));
            return q.toString();
        }

        @Override
        public String toString() {
            return "request #" + n + " (round " + round + ", key " + key + ", " + signature() + "): "
                    + (status == null ? "no answer (" + error + ")" : status == 201 ? "201 " + orderId : status + " " + answer)
                    + (retryStatus != null ? "; sent again: " + (retryStatus == -1 ? "no answer" : retryStatus) + " " + retryOrderId : "");
        }
    }

    private static final class Scenario {
        private final String name;
        private final Map<String, String> env;
        private final int rounds;
        private final long seed;
        private final boolean stopCleanlyAfterSetUp;
        private final Supplier<String> unfinishedRuns;
        private final Random random;
        private final List<Attempt> attempts = new ArrayList<>();
        private int started;

        /**
         * @param stopCleanlyAfterSetUp whether to restart the server once with SIGTERM after the customers and products
         *                              are made, so that they are on disk for sure and only the orders are at stake
         * @param unfinishedRuns        describes the runs left unfinished, asked between a kill and the next start
         */
        Scenario(String name, Map<String, String> env, int rounds, long seed, boolean stopCleanlyAfterSetUp,
                 Supplier<String> unfinishedRuns) {
            this.unfinishedRuns = unfinishedRuns;
            this.name = name;
            this.stopCleanlyAfterSetUp = stopCleanlyAfterSetUp;
            this.env = env;
            this.rounds = rounds;
            this.seed = seed;
            this.random = new Random(seed);
        }

        void run() throws Exception {
            Instant begin = Instant.now();
            ServerProcess server = start();
            try {
                Shop setUp = new Shop(server.port());
                String gir = setUp.demoLogin(Shop.GIR_OWNER);
                String vrindavan = setUp.demoLogin(Shop.VRINDAVAN_OWNER);
                String admin = setUp.demoLogin(Shop.ADMIN);
                String girMilk = setUp.newProduct(gir, 100_000);
                String vrindavanMilk = setUp.newProduct(vrindavan, 100_000);
                List<String> customers = IntStream.range(0, CUSTOMERS).mapToObj(i -> setUp.newCustomer()).toList();
                Shop shop = setUp;
                if (stopCleanlyAfterSetUp) {
                    server.close();
                    server = start();
                    shop = new Shop(server.port());
                }

                for (int round = 0; round < rounds; round++) {
                    // A batch of customers orders at once; at a random moment the server is killed, mid-request or
                    // mid-run, and a new process takes over the same database.
                    List<Attempt> batch = new ArrayList<>();
                    for (int i = 0; i < ORDERS_PER_ROUND; i++) {
                        int n = attempts.size() + i;
                        batch.add(new Attempt(n, round, customers.get(n % CUSTOMERS), List.of(
                                new Shop.Line(girMilk, Shop.GIR, 1 + n % 10), new Shop.Line(vrindavanMilk, Shop.VRINDAVAN, 1 + n / 10))));
                    }
                    attempts.addAll(batch);
                    int delay = random.nextInt(MAX_KILL_DELAY_MILLIS + 1);
                    long killedAfter = placeAndKill(shop, server, batch, delay);
                    long killedPid = server.pid();
                    String leftUnfinished = unfinishedRuns.get();
                    server = start();
                    shop = new Shop(server.port());
                    // A client that got no answer sends the same request again, with the same key; half of them do.
                    sendAgain(shop, batch.stream().filter(a -> a.status == null && a.n % 2 == 0).toList());
                    System.out.printf("[%s] round %d: killed pid %d %d ms after the first answer (%d ms after the "
                                    + "requests went out); %d answered 201, %d cut off, of which %d sent again (answers %s); "
                                    + "runs left unfinished by state %s; the next server started in %d ms%n", name, round,
                            killedPid, delay, killedAfter,
                            batch.stream().filter(a -> Integer.valueOf(201).equals(a.status)).count(),
                            batch.stream().filter(a -> a.status == null).count(),
                            batch.stream().filter(a -> a.retryStatus != null).count(),
                            batch.stream().filter(a -> a.retryStatus != null).map(a -> a.retryStatus).toList(),
                            leftUnfinished, server.startup().toMillis());
                }

                // The last server is left alone to finish every run.
                WorkflowAudit audit = new WorkflowAudit(shop, admin, Map.of(Shop.GIR, gir, Shop.VRINDAVAN, vrindavan));
                Optional<Duration> settled = audit.awaitSettled(customers, Duration.ofSeconds(60));
                WorkflowAudit.Findings findings = audit.audit(customers, Map.of(girMilk, Shop.GIR, vrindavanMilk, Shop.VRINDAVAN));
                List<String> problems = new ArrayList<>(findings.problems());
                if (settled.isEmpty()) {
                    problems.add(0, "the workflow did not settle within 60 s: runs still running " + audit.unfinished()
                            + "; the server's threads are in " + server.dumpThreads());
                }
                problems.addAll(account(findings.orders()));
                System.out.printf("[%s] seed %d, %d servers started, settled after %s, %s, whole scenario %s%n", name, seed,
                        started, settled.map(Duration::toString).orElse("never"), findings.counts(),
                        Duration.between(begin, Instant.now()));
                findings.observations().forEach(o -> System.out.println("[" + name + "] observed: " + o));
                assertThat(problems).as("what went wrong around the kills (seed %d; server logs in %s)", seed,
                        server.log().getParent().toAbsolutePath()).isEmpty();
            } finally {
                server.close();
            }
        }

        private ServerProcess start() throws Exception {
            ServerProcess server = ServerProcess.start(name + "-" + started, env, Duration.ofSeconds(120));
            started++;
            return server;
        }

        /** Sends each request again with its key, all at once, as clients that got no answer would. */
        private static void sendAgain(Shop shop, List<Attempt> cutOff) throws Exception {
            if (cutOff.isEmpty()) {
                return;
            }
            ExecutorService pool = Executors.newFixedThreadPool(cutOff.size());
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (Attempt a : cutOff) {
                    sent.add(pool.submit(() -> {
                        try {
                            Shop.Answer again = shop.order(a.customer, a.key, a.lines);
                            a.retryOrderId = again.json() != null && again.json().has("orderId") ? again.text("orderId")
                                    : String.valueOf(again.json());
                            a.retryStatus = again.status();
                        } catch (UncheckedIOException e) {
                            a.retryOrderId = e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
                            a.retryStatus = -1;
                        }
                        return null;
                    }));
                }
                for (Future<?> f : sent) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        /**
         * Sends the batch all at once, kills the server {@code delayMillis} after the first answer (so that orders are
         * being placed and runs are under way), and collects the answers.
         *
         * @return milliseconds from sending the requests to the kill
         */
        private static long placeAndKill(Shop shop, ServerProcess server, List<Attempt> batch, int delayMillis) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(batch.size());
            CountDownLatch ready = new CountDownLatch(batch.size());
            CountDownLatch go = new CountDownLatch(1);
            CountDownLatch firstAnswer = new CountDownLatch(1);
            try {
                List<Future<?>> sent = new ArrayList<>();
                for (Attempt a : batch) {
                    sent.add(pool.submit(() -> {
                        ready.countDown();
                        go.await();
                        try {
                            Shop.Answer answer = shop.order(a.customer, a.key, a.lines);
                            a.answer = String.valueOf(answer.json());
                            a.orderId = answer.json() != null && answer.json().has("orderId") ? answer.text("orderId") : null;
                            a.status = answer.status();
                        } catch (UncheckedIOException e) {
                            a.error = e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage();
                        } finally {
                            firstAnswer.countDown();
                        }
                        return null;
                    }));
                }
                assertThat(ready.await(30, TimeUnit.SECONDS)).as("all customers ready").isTrue();
                long sentAt = System.nanoTime();
                go.countDown();
                assertThat(firstAnswer.await(60, TimeUnit.SECONDS)).as("a first answer to the orders").isTrue();
                // The kill's moment is the point of the test, chosen at random: not a wait for something to happen.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(delayMillis));
                server.kill9();
                long killedAfter = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt);
                for (Future<?> f : sent) {
                    f.get(60, TimeUnit.SECONDS);
                }
                return killedAfter;
            } finally {
                pool.shutdownNow();
            }
        }

        /**
         * Matches each order that exists to the request that made it (by its quantities, unique per request): a 201 made
         * exactly its order; a request cut off made one order or none, and the same request sent again made or found
         * exactly one; no order came from nowhere.
         */
        private List<String> account(List<WorkflowAudit.SeenOrder> orders) {
            List<String> problems = new ArrayList<>();
            Map<String, List<String>> made = new LinkedHashMap<>();
            for (WorkflowAudit.SeenOrder o : orders) {
                made.computeIfAbsent(o.customer() + " " + o.quantities(), k -> new ArrayList<>()).add(o.orderId());
            }
            Set<String> claimed = new HashSet<>();
            int cutOffKept = 0;
            int cutOffGone = 0;
            int replayed = 0;
            int placedAnew = 0;
            for (Attempt a : attempts) {
                String key = a.customer + " " + a.signature();
                claimed.add(key);
                List<String> found = made.getOrDefault(key, List.of());
                if (a.status != null) {
                    if (a.status != 201) {
                        problems.add(a + ": expected 201 or no answer at all");
                    } else if (!found.equals(List.of(a.orderId))) {
                        problems.add(a + ": answered 201 with " + a.orderId + ", but the customer's orders for it are " + found);
                    }
                } else if (a.retryStatus != null) {
                    if (a.retryStatus == 200) {
                        replayed++;
                    } else if (a.retryStatus == 201) {
                        placedAnew++;
                    }
                    if (a.retryStatus != 200 && a.retryStatus != 201) {
                        problems.add(a + ": sent again, it should have answered 200 or 201; the customer's orders for it are "
                                + found);
                    } else if (!found.equals(List.of(a.retryOrderId))) {
                        problems.add(a + ": sent again it answered " + a.retryOrderId + ", but the customer's orders for it are "
                                + found);
                    }
                } else if (found.size() > 1) {
                    problems.add(a + ": one request made " + found.size() + " orders: " + found);
                } else if (found.size() == 1) {
                    cutOffKept++;
                } else {
                    cutOffGone++;
                }
            }
            made.forEach((key, ids) -> {
                if (!claimed.contains(key)) {
                    problems.add("orders " + ids + " match no request (" + key.substring(key.indexOf(' ') + 1) + ")");
                }
            });
            System.out.printf("[%s] %d requests: %d answered 201; cut off by a kill: %d not sent again (%d of them placed, "
                            + "%d not), %d sent again (%d replayed an order placed before the kill, %d placed it only now)%n",
                    name, attempts.size(), attempts.stream().filter(a -> Integer.valueOf(201).equals(a.status)).count(),
                    cutOffKept + cutOffGone, cutOffKept, cutOffGone, replayed + placedAnew, replayed, placedAnew);
            return problems;
        }
    }
}
