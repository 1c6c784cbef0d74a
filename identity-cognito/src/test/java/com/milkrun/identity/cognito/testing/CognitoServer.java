package com.milkrun.identity.cognito.testing;

import com.milkrun.access.Role;
import com.milkrun.identity.cognito.CognitoClients;
import com.milkrun.identity.cognito.CognitoSettings;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeDataType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SchemaAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TimeUnitsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * The local Cognito emulator of {@code infra/local/cognito} (cognito-local with MilkRun's additions) for tests: one
 * {@code node server.js --port 0} per test JVM, started on first use in a temporary working directory of its own
 * (where it keeps its {@code .cognito/} data), stopped and cleaned up when the JVM exits.
 *
 * <p>The child exits by itself when its standard input closes, which happens when this JVM dies however it dies; a
 * shutdown hook also closes it and kills it on a normal exit. Its stdout carries {@code listening <port>} and then
 * one JSON line per code it "sends", which {@link #awaitCode} hands to tests. Tests share the server, so each should
 * work in a user pool of its own ({@link #newPool}).
 *
 * <p>The server script is found through the system property {@value #SERVER_PROPERTY} (the Maven build sets it),
 * else by looking for {@code infra/local/cognito/server.js} above the working directory. Node.js is {@code node} on
 * the PATH, or the executable named by {@value #NODE_VARIABLE}. Without Node.js, or without the script's
 * {@code node_modules}, the tests fail with a message saying what to install: they never skip.
 */
public final class CognitoServer {
    public static final String SERVER_PROPERTY = "milkrun.cognito.server";
    public static final String NODE_VARIABLE = "MILKRUN_NODE";
    public static final String REGION = "ap-south-1";
    /** The password policy MilkRun asks of the pool: MilkRun's own. */
    public static final int MIN_PASSWORD_LENGTH = 8;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CODE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Pattern LISTENING = Pattern.compile("listening (\\d+)");
    private static final AtomicInteger POOL_NUMBERS = new AtomicInteger();

    private static CognitoServer instance;

    private final Process process;
    private final OutputStream lifeline;
    private final Path workingDirectory;
    private final Path script;
    private final URI endpoint;
    private final List<Delivery> deliveries;
    private final CognitoIdentityProviderClient client;

    private CognitoServer(Process process, Path workingDirectory, Path script, int port, List<Delivery> deliveries) {
        this.process = process;
        this.lifeline = process.getOutputStream();
        this.workingDirectory = workingDirectory;
        this.script = script;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.deliveries = deliveries;
        this.client = newClient(CognitoSettings.of(REGION, "unused", "unused"));
    }

    /** The server of this JVM, started now if it is not running yet. */
    public static synchronized CognitoServer get() {
        if (instance == null) {
            instance = start();
            CognitoServer started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "cognito-local-stop"));
        }
        return instance;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return endpoint;
    }

    /** A client shared by the tests of this JVM, for setting pools up and looking into them (do not close it). */
    public CognitoIdentityProviderClient client() {
        return client;
    }

    /**
     * A client configured as production code configures one (through {@link CognitoClients}) apart from the endpoint
     * and static credentials {@code local}/{@code local}, which the server accepts without checking. The caller
     * closes it.
     */
    public CognitoIdentityProviderClient newClient(CognitoSettings settings) {
        return CognitoClients.create(settings.withEndpoint(endpoint),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }

    /**
     * A new user pool set up as MilkRun expects one on AWS, with its app client: email as username and auto-verified,
     * MilkRun's password policy, the custom attribute {@code userId}, a group per role, and a client without secret
     * that may write email, name and phone number only.
     */
    public Pool newPool() {
        String poolId = client.createUserPool(b -> b
                .poolName("milkrun-test-" + POOL_NUMBERS.incrementAndGet())
                .usernameAttributes(UsernameAttributeType.EMAIL)
                .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)
                .schema(SchemaAttributeType.builder().name("userId").attributeDataType(AttributeDataType.STRING)
                        .mutable(true).build())
                .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(MIN_PASSWORD_LENGTH).requireUppercase(true)
                        .requireLowercase(true).requireNumbers(true).requireSymbols(true))))
                .userPool().id();
        for (Role role : Role.values()) {
            client.createGroup(b -> b.userPoolId(poolId).groupName(role.wireName()));
        }
        return new Pool(poolId, newAppClient(poolId), endpoint);
    }

    /** Another app client of the pool, as MilkRun's is configured; returns its id. */
    public String newAppClient(String poolId) {
        return client.createUserPoolClient(b -> b
                .userPoolId(poolId)
                .clientName("milkrun-api")
                .generateSecret(false)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH)
                .enableTokenRevocation(true)
                .writeAttributes("email", "name", "phone_number")
                .readAttributes("email", "email_verified", "name", "phone_number", "custom:userId")
                .idTokenValidity(60)
                .accessTokenValidity(60)
                .refreshTokenValidity(30)
                .tokenValidityUnits(u -> u.idToken(TimeUnitsType.MINUTES).accessToken(TimeUnitsType.MINUTES)
                        .refreshToken(TimeUnitsType.DAYS)))
                .userPoolClient().clientId();
    }

    /**
     * The {@code index}-th code (from 0) the server sent to {@code destination}, waiting a little for it.
     *
     * @throws AssertionError when it has not been sent
     */
    public String awaitCode(String destination, int index) {
        long deadline = System.nanoTime() + CODE_TIMEOUT.toNanos();
        while (true) {
            List<String> codes = codesSentTo(destination);
            if (codes.size() > index) {
                return codes.get(index);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no code number " + index + " was sent to " + destination + " within "
                        + CODE_TIMEOUT + "; sent: " + codes);
            }
            sleep(Duration.ofMillis(10));
        }
    }

    /** Every code sent to {@code destination} so far, oldest first. */
    public List<String> codesSentTo(String destination) {
        synchronized (deliveries) {
            return deliveries.stream().filter(d -> d.destination().equals(destination)).map(Delivery::code).toList();
        }
    }

    /**
     * The private key cognito-local signs every token with. It ships in the npm package, so it is no secret: tests use
     * it to make tokens whose signature is valid and whose claims are not.
     */
    public RSAKey signingKey() {
        Path file = script.resolveSibling("node_modules/cognito-local/lib/keys/cognitoLocal.private.json");
        try {
            Map<String, Object> json = JSONObjectUtils.parse(Files.readString(file));
            return RSAKey.parse(JSONObjectUtils.getJSONObject(json, "jwk"));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read cognito-local's signing key from " + file, e);
        }
    }

    /** A user pool on the server with MilkRun's app client. */
    public record Pool(String id, String clientId, URI endpoint) {
        /** The settings MilkRun would be given for this pool: derived issuer and key set, this server as endpoint. */
        public CognitoSettings settings() {
            return CognitoSettings.of(REGION, id, clientId).withEndpoint(endpoint);
        }
    }

    /** A code the server would have emailed. */
    public record Delivery(String username, String destination, String code) {
    }

    private static CognitoServer start() {
        Path script = serverScript();
        Path modules = script.resolveSibling("node_modules");
        if (!Files.isDirectory(modules.resolve("cognito-local"))) {
            throw new IllegalStateException("The Cognito emulator's dependencies are not installed: run `npm ci` in "
                    + script.getParent() + " (the Maven build does it in generate-test-resources unless -DskipCognitoNpm).");
        }
        Path workingDirectory;
        try {
            workingDirectory = Files.createTempDirectory("milkrun-cognito-local-");
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a working directory for the Cognito emulator", e);
        }
        String node = Optional.ofNullable(System.getenv(NODE_VARIABLE)).orElse("node");
        List<String> command = List.of(node, script.toString(), "--port", "0");
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
            builder.environment().put("AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE", "1");
            builder.environment().remove("CODE");
            process = builder.start();
        } catch (IOException e) {
            deleteRecursively(workingDirectory);
            throw new IllegalStateException("The Cognito tests need Node.js 20.15 or newer to run " + script
                    + ", and `" + node + "` could not be started (" + e.getMessage() + "). Install it (for example"
                    + " `apt-get install nodejs npm`) or set " + NODE_VARIABLE + " to its executable.", e);
        }
        StringBuffer stderr = new StringBuffer();
        Thread stderrReader = drain(process.getErrorStream(), stderr, "cognito-local-stderr");
        CompletableFuture<Integer> port = new CompletableFuture<>();
        List<Delivery> deliveries = new ArrayList<>();
        Thread stdout = new Thread(() -> readStdout(process.getInputStream(), port, deliveries), "cognito-local-stdout");
        stdout.setDaemon(true);
        stdout.start();
        try {
            int listening = port.get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new CognitoServer(process, workingDirectory, script, listening, deliveries);
        } catch (TimeoutException | ExecutionException e) {
            stopForcibly(process, stderrReader);
            deleteRecursively(workingDirectory);
            String reason = e instanceof TimeoutException
                    ? "did not print \"listening <port>\" within " + STARTUP_TIMEOUT
                    : e.getCause().getMessage();
            throw new IllegalStateException("The Cognito emulator (" + String.join(" ", command) + ") " + reason
                    + ". Its stderr:\n" + stderr, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Cognito emulator", e);
        }
    }

    private static void readStdout(InputStream stream, CompletableFuture<Integer> port, List<Delivery> deliveries) {
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
            while ((line = reader.readLine()) != null) {
                Optional<Delivery> delivery = delivery(line);
                if (delivery.isPresent()) {
                    synchronized (deliveries) {
                        deliveries.add(delivery.get());
                    }
                }
            }
        } catch (IOException e) {
            port.completeExceptionally(e);
        }
    }

    private static Optional<Delivery> delivery(String line) {
        try {
            Map<String, Object> delivery = JSONObjectUtils.getJSONObject(JSONObjectUtils.parse(line), "delivery");
            if (delivery == null) {
                return Optional.empty();
            }
            return Optional.of(new Delivery(JSONObjectUtils.getString(delivery, "username"),
                    JSONObjectUtils.getString(delivery, "destination"), JSONObjectUtils.getString(delivery, "code")));
        } catch (ParseException e) {
            return Optional.empty();
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
            Path script = dir.resolve("infra/local/cognito/server.js");
            if (Files.isRegularFile(script)) {
                return script;
            }
        }
        throw new IllegalStateException("infra/local/cognito/server.js not found above " + Path.of("").toAbsolutePath()
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
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteRecursively(workingDirectory);
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind is harmless.
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
