package com.milkrun.server.ui;

import com.milkrun.app.Config;
import com.milkrun.app.api.TestConfigs;
import com.milkrun.server.LocalServer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every browser test starts from: MilkRun with the demo data on a fresh H2 database, one headless Chromium for
 * the test class, and a visitor who is not signed in at the start of each test.
 */
abstract class ShopBrowserTest {
    @RegisterExtension
    static final Browser browser = new Browser();

    static LocalServer server;
    static JsonApi api;

    @BeforeAll
    static void start_milkrun_with_demo_data() throws Exception {
        useMilkRun(LocalServer.start(TestConfigs.h2()));
    }

    /**
     * For a class whose MilkRun needs other settings (SMTP, retries, no workflow runner): replaces the class's server
     * with one on a fresh H2 database with the demo data, the test defaults and {@code settings} on top. Call it from
     * the class's own {@code @BeforeAll}, which runs after this class's.
     */
    static void restartMilkRunWith(Map<String, String> settings) throws Exception {
        stop_milkrun();
        Map<String, String> env = new HashMap<>();
        env.put("MILKRUN_STORE", "sql");
        env.put("MILKRUN_DB_URL", "jdbc:h2:mem:ui-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        env.putAll(settings);
        useMilkRun(LocalServer.start(Config.from(TestConfigs.base(env))));
    }

    private static void useMilkRun(LocalServer started) {
        server = started;
        String baseUrl = "http://127.0.0.1:" + server.port();
        browser.useServer(baseUrl);
        api = new JsonApi(baseUrl);
    }

    @AfterAll
    static void stop_milkrun() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @BeforeEach
    void start_as_a_visitor() {
        browser.startAsVisitor();
    }
}
