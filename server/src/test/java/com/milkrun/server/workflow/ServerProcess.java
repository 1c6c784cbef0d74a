package com.milkrun.server.workflow;

import com.milkrun.server.testing.Shop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A MilkRun server in a JVM process of its own (this test's JVM and class path, the server's main class), so that a
 * test can kill it the hard way, as a crash or an out-of-memory killer would, and start another on the same database.
 */
final class ServerProcess implements AutoCloseable {
    private static final Path LOGS = Path.of("target", "workflow-servers");
    /** Servers still running when this JVM exits (a test that failed half-way) go with it. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "workflow-servers-cleanup"));
    }

    private final Process process;
    private final int port;
    private final Path log;
    private Duration startup;
    private volatile boolean frozen;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a server with {@code env} (plus its port) on a free port, and waits until it answers {@code /health}.
     *
     * @param name names the log file, {@code server/target/workflow-servers/<name>.log}
     */
    static ServerProcess start(String name, Map<String, String> env, Duration healthyWithin) throws IOException {
        int port = freePort();
        Files.createDirectories(LOGS);
        Path log = LOGS.resolve(name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), "com.milkrun.server.LocalServer"));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().put("MILKRUN_PORT", Integer.toString(port));
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        Instant begin = Instant.now();
        Process process = builder.start();
        RUNNING.add(process);
        process.onExit().thenAccept(RUNNING::remove);
        ServerProcess server = new ServerProcess(process, port, log);
        try {
            server.awaitHealthy(healthyWithin);
            server.startup = Duration.between(begin, Instant.now());
        } catch (RuntimeException e) {
            server.kill9();
            throw e;
        }
        return server;
    }

    /** From starting the JVM to its first healthy answer. */
    Duration startup() {
        return startup;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL on Linux: no shutdown hook, no closing of pools, no lease given back. Returns once the process is gone. */
    void kill9() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /**
     * SIGSTOP: the process stands still where it is, mid-step or mid-transaction, as in a long GC pause or a VM
     * suspended by its host, and its leases run out; {@link #thaw()} lets it go on as if nothing had happened.
     */
    void freeze() {
        signal("STOP");
        frozen = true;
    }

    /** SIGCONT, after {@link #freeze()}. */
    void thaw() {
        signal("CONT");
        frozen = false;
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Writes the server's threads next to its log (for a failure message: where is it stuck?); returns the file. */
    Path dumpThreads() {
        Path dump = log.resolveSibling(log.getFileName().toString().replace(".log", "-threads.txt"));
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process p = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "Thread.print")
                    .redirectErrorStream(true).redirectOutput(dump.toFile()).start();
            p.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return Path.of("(no thread dump: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return dump.toAbsolutePath();
    }

    /** SIGTERM: the server's shutdown hook stops it in order. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        if (frozen) {
            thaw();
        }
        process.destroy();
        if (!awaitExit(Duration.ofSeconds(15))) {
            kill9();
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitHealthy(Duration timeout) {
        Shop shop = new Shop(port);
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server process exited early with " + process.exitValue() + "; see "
                        + log.toAbsolutePath() + ":\n" + tail());
            }
            try {
                if (shop.send("GET", "/health", null, null, Map.of()).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet: poll again until the deadline
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        throw new IllegalStateException("the server process did not become healthy within " + timeout + "; see "
                + log.toAbsolutePath() + ":\n" + tail());
    }

    /** The end of the server's log, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
