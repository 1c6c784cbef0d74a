package com.milkrun.store.dynamo.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/**
 * The local DynamoDB emulator of {@code infra/local/dynamodb} (dynalite with transactions) for tests: one
 * {@code node server.js --port 0} per test JVM, started on first use and stopped when the JVM exits.
 *
 * <p>The child exits by itself when its standard input closes, which happens when this JVM dies however it dies;
 * a shutdown hook also closes it and kills it on a normal exit. Tables become ACTIVE at once ({@code
 * --createTableMs 0}). Tests share the server, so each should work in tables of its own ({@link #uniqueTableName}).
 *
 * <p>The server script is found through the system property {@code milkrun.dynamodb.server} (the Maven build sets
 * it), else by looking for {@code infra/local/dynamodb/server.js} above the working directory. Node.js is
 * {@code node} on the PATH, or the executable named by {@code MILKRUN_NODE}. Without Node.js, or without the
 * script's {@code node_modules}, the tests fail with a message saying what to install: they never skip, locally or
 * under {@code CI=true}.
 */
public final class DynamoServer {
    public static final String SERVER_PROPERTY = "milkrun.dynamodb.server";
    public static final String NODE_VARIABLE = "MILKRUN_NODE";
    public static final Region REGION = Region.AP_SOUTH_1;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration TABLE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern LISTENING = Pattern.compile("listening (\\d+)");
    private static final AtomicInteger TABLE_NUMBERS = new AtomicInteger();

    private static DynamoServer instance;

    private final Process process;
    private final OutputStream lifeline;
    private final URI endpoint;
    private final DynamoDbClient client;

    private DynamoServer(Process process, int port) {
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.client = newClient();
    }

    /** The server of this JVM, started now if it is not running yet. */
    public static synchronized DynamoServer get() {
        if (instance == null) {
            instance = start();
            DynamoServer started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "dynamodb-local-stop"));
        }
        return instance;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return endpoint;
    }

    /** A client shared by the tests of this JVM (thread-safe; do not close it). */
    public DynamoDbClient client() {
        return client;
    }

    /**
     * A client of its own, configured like production code would be apart from the endpoint: region {@code
     * ap-south-1}, static credentials {@code local}/{@code local}, the URL-connection HTTP client, and the SDK's
     * default retries. The caller closes it.
     */
    public DynamoDbClient newClient() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Creates a table and waits until it is ACTIVE; returns its description. */
    public TableDescription createTable(CreateTableRequest request) {
        client.createTable(request);
        long deadline = System.nanoTime() + TABLE_TIMEOUT.toNanos();
        while (true) {
            TableDescription table = client.describeTable(builder -> builder.tableName(request.tableName())).table();
            if (table.tableStatus() == TableStatus.ACTIVE) {
                return table;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + request.tableName() + " is still " + table.tableStatus()
                        + " after " + TABLE_TIMEOUT);
            }
            sleep(Duration.ofMillis(10));
        }
    }

    /** {@code prefix-<n>}, a table name no other test of this JVM gets. */
    public static String uniqueTableName(String prefix) {
        return prefix + "-" + TABLE_NUMBERS.incrementAndGet();
    }

    private static DynamoServer start() {
        Path script = serverScript();
        Path modules = script.resolveSibling("node_modules");
        if (!Files.isDirectory(modules.resolve("dynalite"))) {
            throw new IllegalStateException("The DynamoDB emulator's dependencies are not installed: run `npm ci` in "
                    + script.getParent() + " (the Maven build does it in generate-test-resources unless -DskipDynamoNpm).");
        }
        String node = Optional.ofNullable(System.getenv(NODE_VARIABLE)).orElse("node");
        List<String> command = List.of(node, script.toString(), "--port", "0",
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(script.getParent().toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("The DynamoDB tests need Node.js 20.15 or newer to run " + script
                    + ", and `" + node + "` could not be started (" + e.getMessage() + "). Install it (for example"
                    + " `apt-get install nodejs npm`) or set " + NODE_VARIABLE + " to its executable.", e);
        }
        StringBuffer stderr = new StringBuffer();
        Thread stderrReader = drain(process.getErrorStream(), stderr, "dynamodb-local-stderr");
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread stdout = new Thread(() -> readPort(process.getInputStream(), port), "dynamodb-local-stdout");
        stdout.setDaemon(true);
        stdout.start();
        try {
            return new DynamoServer(process, port.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            stopForcibly(process, stderrReader);
            String reason = e instanceof TimeoutException
                    ? "did not print \"listening <port>\" within " + STARTUP_TIMEOUT
                    : e.getCause().getMessage();
            throw new IllegalStateException("The DynamoDB emulator (" + String.join(" ", command) + ") " + reason
                    + ". Its stderr:\n" + stderr, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the DynamoDB emulator", e);
        }
    }

    private static void readPort(InputStream stream, CompletableFuture<Integer> port) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            Matcher matcher = line == null ? null : LISTENING.matcher(line);
            if (matcher == null || !matcher.matches()) {
                port.completeExceptionally(new IllegalStateException(line == null
                        ? "exited before it was listening"
                        : "printed \"" + line + "\" instead of \"listening <port>\""));
                return;
            }
            port.complete(Integer.parseInt(matcher.group(1)));
            while (reader.readLine() != null) {
                // Nothing else is expected on stdout; keep the pipe from filling up regardless.
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
    }

    // Kills the child and waits a little for it to be gone and for its stderr to be read to the end.
    private static void stopForcibly(Process process, Thread stderrReader) {
        process.destroyForcibly();
        try {
            process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            stderrReader.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread drain(InputStream stream, StringBuffer sink, String name) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (sink.length() < 64 * 1024) {
                        sink.append(line).append('\n');
                    }
                }
            } catch (IOException ignored) {
                // The child is gone; what it wrote so far is in the sink.
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static Path serverScript() {
        String configured = System.getProperty(SERVER_PROPERTY);
        if (configured != null) {
            Path script = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isRegularFile(script)) {
                throw new IllegalStateException(SERVER_PROPERTY + " names " + script + ", which does not exist");
            }
            return script;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("infra/local/dynamodb/server.js");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("infra/local/dynamodb/server.js not found above " + Path.of("").toAbsolutePath()
                + "; set the system property " + SERVER_PROPERTY);
    }

    private void stop() {
        client.close();
        try {
            lifeline.close();
        } catch (IOException ignored) {
            // Already closed: the child is exiting anyway.
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
