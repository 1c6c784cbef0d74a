package com.milkrun.mail.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The local SES server of {@code infra/local/ses} (aws-ses-v2-local) for tests: {@code node server.js --port 0}
 * on a free port, answering the SES v2 API and keeping every email it accepts, which {@link #emailsTo} reads back
 * from its {@code GET /store} page.
 *
 * <p>{@link #get()} is the one server of the test JVM, started on first use and stopped when the JVM exits; tests
 * share it, so each should send to addresses of its own. {@link #start()} is a server of the caller's own, for a
 * test that stops it. The child exits by itself when its standard input closes, which happens when this JVM dies
 * however it dies; a shutdown hook or {@link #close()} also kills it. It never relays mail anywhere: the harness
 * removes aws-ses-v2-local's {@code SMTP_TRANSPORT} variable from its environment.
 *
 * <p>The server script is found through the system property {@code milkrun.ses.server} (the Maven build sets it),
 * else by looking for {@code infra/local/ses/server.js} above the working directory. Node.js is {@code node} on
 * the PATH, or the executable named by {@code MILKRUN_NODE}. Without Node.js, or without the script's
 * {@code node_modules}, the tests fail with a message saying what to install: they never skip.
 */
public final class SesServer implements AutoCloseable {
    public static final String SERVER_PROPERTY = "milkrun.ses.server";
    public static final String NODE_VARIABLE = "MILKRUN_NODE";
    /** The region the tests sign for; the local server accepts any. */
    public static final String REGION = "ap-south-1";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern LISTENING = Pattern.compile("listening (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SesServer shared;

    private final Process process;
    private final OutputStream lifeline;
    private final URI endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    private SesServer(Process process, int port) {
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    /** The server shared by the tests of this JVM, started now if it is not running yet. */
    public static synchronized SesServer get() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "ses-local-stop"));
        }
        return shared;
    }

    /** A server of the caller's own, answering once this returns; the caller closes it. */
    public static SesServer start() {
        Path script = serverScript();
        if (!Files.isDirectory(script.resolveSibling("node_modules").resolve("aws-ses-v2-local"))) {
            throw new IllegalStateException("The local SES server's dependencies are not installed: run `npm ci` in "
                    + script.getParent() + " (the Maven build does it in generate-test-resources unless -DskipSesNpm).");
        }
        String node = Optional.ofNullable(System.getenv(NODE_VARIABLE)).orElse("node");
        List<String> command = List.of(node, script.toString(), "--port", "0");
        ProcessBuilder builder = new ProcessBuilder(command).directory(script.getParent().toFile());
        builder.environment().remove("SMTP_TRANSPORT");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("The SES tests need Node.js 20.19 or newer to run " + script
                    + ", and `" + node + "` could not be started (" + e.getMessage() + "). Install it (for example"
                    + " `apt-get install nodejs npm`) or set " + NODE_VARIABLE + " to its executable.", e);
        }
        StringBuffer stderr = new StringBuffer();
        Thread stderrReader = drain(process.getErrorStream(), stderr, "ses-local-stderr");
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread stdout = new Thread(() -> readPort(process.getInputStream(), port), "ses-local-stdout");
        stdout.setDaemon(true);
        stdout.start();
        try {
            SesServer server = new SesServer(process, port.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            server.awaitHealthy();
            return server;
        } catch (TimeoutException | ExecutionException | IOException e) {
            stopForcibly(process, stderrReader);
            String reason = switch (e) {
                case TimeoutException timeout -> "did not print \"listening <port>\" within " + STARTUP_TIMEOUT;
                case ExecutionException failed -> failed.getCause().getMessage();
                default -> "did not answer GET /health-check: " + e.getMessage();
            };
            throw new IllegalStateException("The local SES server (" + String.join(" ", command) + ") " + reason
                    + ". Its stderr:\n" + stderr, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the local SES server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return endpoint;
    }

    /** Placeholder credentials: the server wants requests signed, but checks no signature. */
    public static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }

    /** The emails the server accepted with {@code address} among their To addresses, oldest first. */
    public List<ReceivedEmail> emailsTo(String address) {
        List<ReceivedEmail> emails = new ArrayList<>();
        for (JsonNode email : store().path("emails")) {
            ReceivedEmail received = ReceivedEmail.of(email);
            if (received.to().contains(address)) {
                emails.add(received);
            }
        }
        return emails;
    }

    /**
     * The emails to {@code address} once the server has accepted at least {@code count} of them (sending may be
     * asynchronous), polling until {@code deadline}; what it has by then otherwise, for the caller's assertion.
     */
    public List<ReceivedEmail> awaitEmailsTo(String address, int count, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        List<ReceivedEmail> emails = emailsTo(address);
        while (emails.size() < count && System.nanoTime() < end) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            emails = emailsTo(address);
        }
        return emails;
    }

    /** Stops the server; requests to its endpoint are refused from then on. Stopping it again does nothing. */
    public void stop() {
        try {
            lifeline.close();
        } catch (IOException ignored) {
            // Already closed: the child is exiting anyway.
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server and releases the client that reads its store. */
    @Override
    public void close() {
        stop();
        http.close();
    }

    private JsonNode store() {
        try {
            HttpResponse<String> response = get("/store");
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /store answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + endpoint + "/store failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the local SES server's store", e);
        }
    }

    private void awaitHealthy() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            try {
                HttpResponse<String> response = get("/health-check");
                if (response.statusCode() == 200) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("it answered HTTP " + response.statusCode());
                }
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            Thread.sleep(20);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve(path)).timeout(REQUEST_TIMEOUT).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
            Path script = dir.resolve("infra/local/ses/server.js");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("infra/local/ses/server.js not found above " + Path.of("").toAbsolutePath()
                + "; set the system property " + SERVER_PROPERTY);
    }

    /**
     * One email as the server stored it.
     *
     * @param text the plain-text body; empty when the email had none
     * @param html the HTML body; empty when the email had none
     */
    public record ReceivedEmail(String messageId, String from, List<String> to, List<String> cc, List<String> bcc,
                                String subject, Optional<String> text, Optional<String> html) {
        static ReceivedEmail of(JsonNode email) {
            JsonNode destination = email.path("destination");
            JsonNode body = email.path("body");
            return new ReceivedEmail(email.path("messageId").asText(), email.path("from").asText(),
                    strings(destination.path("to")), strings(destination.path("cc")), strings(destination.path("bcc")),
                    email.path("subject").asText(), optional(body.path("text")), optional(body.path("html")));
        }

        private static List<String> strings(JsonNode array) {
            List<String> values = new ArrayList<>();
            array.forEach(value -> values.add(value.asText()));
            return List.copyOf(values);
        }

        private static Optional<String> optional(JsonNode value) {
            return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
        }
    }
}
