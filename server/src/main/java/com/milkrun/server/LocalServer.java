package com.milkrun.server;

import com.milkrun.app.Config;
import com.milkrun.app.Metrics;
import com.milkrun.app.MilkRun;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/** Starts MilkRun in one process: the API and the web UI on one port (8080 unless {@code MILKRUN_PORT} says otherwise). */
public final class LocalServer implements AutoCloseable {
    private final MilkRun milkRun;
    private final Server jetty;

    private LocalServer(MilkRun milkRun, Server jetty) {
        this.milkRun = milkRun;
        this.jetty = jetty;
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.fromEnvironment();
        LocalServer server = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "milkrun-shutdown"));
        server.milkRun.log().info("MilkRun is ready", Map.of("url", "http://localhost:" + server.port(),
                "config", config.toString()));
        server.jetty.join();
    }

    /** Starts on the configured port; port 0 picks a free one (see {@link #port()}). */
    public static LocalServer start(Config config) throws Exception {
        Optional<VirtualThreadPool> requests = config.virtualThreads() ? Optional.of(requestThreads()) : Optional.empty();
        MilkRun milkRun = MilkRun.start(config);
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("milkrun-http");
        requests.ifPresent(r -> {
            threads.addBean(r); // started and stopped with the pool
            threads.setVirtualThreadsExecutor(r);
        });
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // Pinned rather than left to the library's defaults: ambiguous or suspicious paths (an encoded slash, NUL or
        // dot-dot segment) and loose HTTP framing are refused, and the request line plus headers fit in 8 KiB
        // (beyond it a long URI answers 414, long headers 431). JsonErrorHandler words every such refusal.
        http.setUriCompliance(UriCompliance.DEFAULT);
        http.setHttpCompliance(HttpCompliance.RFC9110);
        http.setRequestHeaderSize(8 * 1024);
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setPort(config.port());
        jetty.addConnector(connector);
        Optional<MetricsEndpoint> metrics = milkRun.metrics().filter(Metrics::scrapes)
                .map(m -> new MetricsEndpoint(() -> m.scrape().orElseThrow(), config.metrics().token()));
        jetty.setHandler(new JettyAdapter(milkRun.router(), new StaticFiles(LocalServer.class.getClassLoader()),
                config.maxBodyBytes(), metrics));
        jetty.setErrorHandler(new JsonErrorHandler());
        jetty.setStopTimeout(5_000);
        try {
            jetty.start();
        } catch (Exception e) {
            milkRun.close();
            throw e;
        }
        return new LocalServer(milkRun, jetty);
    }

    /**
     * Virtual threads for the requests (Jetty runs its own selecting and accepting on the platform threads above). A
     * request mostly waits: for PostgreSQL three times per order, and for a pooled connection when more requests
     * than connections are in flight. On a platform thread each wait is a switch between kernel threads; a virtual
     * thread unmounts instead and its carrier goes on with the next request, which on two busy cores took about a
     * third off the server's CPU per order (ADR 12). At most 200 run at once, as many as the platform pool had
     * threads.
     *
     * <p>Called before the database opens: the JDK's scheduler of virtual threads starts with the first one, so an
     * empty one started here puts that beside the opening rather than on the first request.
     */
    private static VirtualThreadPool requestThreads() {
        Thread.ofVirtual().name("milkrun-http-v-start").start(() -> { });
        VirtualThreadPool requests = new VirtualThreadPool(200);
        requests.setName("milkrun-http-v");
        return requests;
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** Whether Jetty hands requests to virtual threads (what {@code MILKRUN_HTTP_VIRTUAL_THREADS} asked for). */
    boolean requestsOnVirtualThreads() {
        return VirtualThreads.isUseVirtualThreads(jetty.getThreadPool());
    }

    public MilkRun milkRun() {
        return milkRun;
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            milkRun.log().warn("stopping the HTTP server failed", Map.of("error", e.toString()));
        }
        milkRun.close();
    }
}
