package com.milkrun.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.app.api.TestConfigs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The web UI's pages and files carry the browser's security headers; the API's JSON answers keep their own. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageHeadersTest {
    private final HttpClient client = HttpClient.newHttpClient();
    private LocalServer server;

    @BeforeAll
    void start() throws Exception {
        server = LocalServer.start(TestConfigs.memory());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void the_entry_page_forbids_framing_foreign_scripts_plugins_and_referrers() throws Exception {
        HttpResponse<String> page = get("/", "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertSecurityHeaders(page);
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                "object-src 'none'", "base-uri 'self'", "form-action 'self'");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval");
    }

    @Test
    void a_page_of_the_ui_opened_directly_gets_the_same_headers() throws Exception {
        HttpResponse<String> page = get("/orders", "text/html,application/xhtml+xml");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<div id=\"root\">");
        assertSecurityHeaders(page);
    }

    @Test
    void the_ui_files_get_the_same_headers_and_the_entry_page_loads_nothing_inline() throws Exception {
        String index = get("/", "text/html").body();
        assertThat(index).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>").doesNotContain("<style", " style=");
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(index);
        assertThat(script.find()).as("the built entry page names its script").isTrue();

        HttpResponse<String> js = get(script.group(1), "*/*");
        assertThat(js.statusCode()).isEqualTo(200);
        assertSecurityHeaders(js);
        HttpResponse<String> icon = get("/favicon.svg", "image/*");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertSecurityHeaders(icon);
    }

    @Test
    void api_answers_keep_their_own_headers() throws Exception {
        HttpResponse<String> products = get("/products", "application/json");

        assertThat(products.statusCode()).isEqualTo(200);
        assertThat(products.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(products.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(products.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(products.headers().firstValue("X-Request-Id")).isPresent();
    }

    private static void assertSecurityHeaders(HttpResponse<?> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Permissions-Policy")).hasValueSatisfying(p -> assertThat(p).contains("camera=()"));
        assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
