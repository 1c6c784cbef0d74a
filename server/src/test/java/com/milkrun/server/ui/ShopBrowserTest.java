package com.milkrun.server.ui;

import com.milkrun.app.api.TestConfigs;
import com.milkrun.server.LocalServer;
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
        server = LocalServer.start(TestConfigs.h2());
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
