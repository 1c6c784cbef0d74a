package com.milkrun.store.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.LongAdder;

/**
 * How much the SQL stores ask of the database, counted only when the JVM runs with
 * {@code -Dmilkrun.jdbc.counts=FILE}: a diagnostic for benchmarks, which read the totals that a daemon thread
 * rewrites into FILE every 100 ms. Without the property nothing is counted and no thread starts.
 *
 * <p>A round trip is one statement execution (a batch is one: the driver sends its rows together), a commit or a
 * rollback; opening a transaction costs none (the driver sends {@code BEGIN} with the first statement). A
 * statement is a row of SQL executed, each row of a batch counting once. A transaction is an explicit one
 * ({@link Jdbc#inTransaction}) or a statement run in auto-commit. Work done on the HTTP request threads (named
 * {@code milkrun-http-*}) is counted apart from everything else (the workflow runner, the email outbox).
 */
public final class JdbcCounts {
    /** Whether counting is on for this JVM. */
    static final boolean ENABLED = System.getProperty("milkrun.jdbc.counts") != null;

    private static final String REQUEST_THREADS = "milkrun-http";
    private static final Counts REQUESTS = new Counts();
    private static final Counts BACKGROUND = new Counts();
    private static volatile Thread writer;

    private JdbcCounts() {
    }

    /** The counters of one kind of thread. */
    private static final class Counts {
        final LongAdder statements = new LongAdder();
        final LongAdder executions = new LongAdder();
        final LongAdder commits = new LongAdder();
        final LongAdder rollbacks = new LongAdder();
        final LongAdder autoCommitted = new LongAdder();

        /** {@code statements round_trips transactions commits rollbacks auto_committed} */
        String line(String name) {
            long c = commits.sum();
            long r = rollbacks.sum();
            long a = autoCommitted.sum();
            return name + " " + statements.sum() + " " + (executions.sum() + c + r) + " " + (c + r + a) + " " + c
                    + " " + r + " " + a + "\n";
        }
    }

    static void executed(int statements, boolean inTransaction) {
        Counts counts = current();
        counts.statements.add(statements);
        counts.executions.increment();
        if (!inTransaction) {
            counts.autoCommitted.increment();
        }
    }

    static void ended(boolean committed) {
        Counts counts = current();
        (committed ? counts.commits : counts.rollbacks).increment();
    }

    private static Counts current() {
        return Thread.currentThread().getName().startsWith(REQUEST_THREADS) ? REQUESTS : BACKGROUND;
    }

    /** Starts the thread that writes the totals to the file named by the property, once per JVM; no-op when off. */
    static synchronized void startWriting() {
        if (!ENABLED || writer != null) {
            return;
        }
        Path file = Path.of(System.getProperty("milkrun.jdbc.counts"));
        Thread thread = new Thread(() -> {
            while (true) {
                try {
                    write(file);
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "milkrun-jdbc-counts");
        thread.setDaemon(true);
        thread.start();
        writer = thread;
    }

    /**
     * Two lines, {@code request ...} and {@code background ...}, each {@code statements round_trips transactions
     * commits rollbacks auto_committed}.
     */
    static String totals() {
        return REQUESTS.line("request") + BACKGROUND.line("background");
    }

    private static void write(Path file) {
        try {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, totals(), StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
