package com.milkrun.server.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test class, driven through the MilkRun UI by its {@code data-testid}s.
 *
 * <p>Register it as a static {@code @RegisterExtension} field: the browser starts before the class's
 * {@code @BeforeAll} methods and quits after its {@code @AfterAll} methods. Without Chromium or chromedriver the
 * tests are skipped with the reason, or fail under {@code CI=true}. A failing test leaves a screenshot in
 * {@code target/ui-screenshots/}. The binaries are given explicitly, so Selenium Manager never downloads anything.
 */
final class Browser implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, TestWatcher {
    static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
    /** Selenium warns that it has no CDP bindings for this Chromium; the tests use WebDriver only. Kept strongly reachable. */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
    }

    private WebDriver driver;
    private WebDriverWait wait;
    private Path profile;
    private String baseUrl;
    private Optional<String> missing = Optional.empty();

    // ---- lifecycle ---------------------------------------------------------------------------------------

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path chromium = Path.of(setting("MILKRUN_CHROMIUM", "/usr/bin/chromium"));
        Path chromedriver = Path.of(setting("MILKRUN_CHROMEDRIVER", "/usr/bin/chromedriver"));
        missing = missing(chromium, "Chromium", "MILKRUN_CHROMIUM")
                .or(() -> missing(chromedriver, "chromedriver", "MILKRUN_CHROMEDRIVER"));
        if (missing.isPresent()) {
            if ("true".equals(System.getenv("CI"))) {
                fail(missing.get() + ", and CI=true requires them to run.");
            }
            return;
        }

        forgetScreenshotsOf(context.getRequiredTestClass().getSimpleName());
        profile = Files.createTempDirectory("milkrun-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        // The console is kept so that a test can check what the page refused, e.g. under its Content-Security-Policy.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogOutput(OutputStream.nullOutputStream())
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            deleteQuietly(profile);
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (driver != null) {
            screenshot(context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName()
                    + "-failed");
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * Missing browser pieces skip each test on a laptop (reported per test, with the reason, since Surefire drops the
     * reason of a class-level skip) but fail the class under CI, where the browser tests must run.
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(missing.isEmpty(), () -> missing.orElseThrow() + "; skipping the browser tests locally.");
    }

    private static Optional<String> missing(Path path, String what, String variable) {
        return Files.isExecutable(path) ? Optional.empty()
                : Optional.of(what + " not found at " + path + " (set " + variable + " to its path); the browser tests need it");
    }

    /** Drops a class's screenshots from an earlier run, so a stale "-failed" picture cannot mislead. */
    private static void forgetScreenshotsOf(String testClass) throws IOException {
        if (!Files.isDirectory(SCREENSHOTS)) {
            return;
        }
        try (Stream<Path> shots = Files.list(SCREENSHOTS)) {
            for (Path shot : shots.filter(p -> p.getFileName().toString().startsWith(testClass + ".")).toList()) {
                Files.deleteIfExists(shot);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp profile is harmless
        }
    }

    // ---- navigation --------------------------------------------------------------------------------------

    /** The server every relative path is opened against, e.g. {@code http://127.0.0.1:41234}. */
    void useServer(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    WebDriver driver() {
        return driver;
    }

    /** The browser console's lines since the last call (Chromium hands each line out once). */
    List<String> consoleLines() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /** Opens a page of the UI, e.g. {@code /signup}. */
    void open(String path) {
        driver.get(baseUrl + path);
    }

    /** Forgets any signed-in user, so each test starts as a visitor on the shop. */
    void startAsVisitor() {
        open("/");
        ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
        open("/");
        waitForSignInLink();
    }

    /** Waits until the address bar shows {@code path} (ignoring the query). */
    void waitForPath(String path) {
        until(d -> pathOf(d.getCurrentUrl()).equals(path));
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    private String pathOf(String url) {
        String rest = url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
        int query = rest.indexOf('?');
        return query < 0 ? rest : rest.substring(0, query);
    }

    // ---- finding and waiting -----------------------------------------------------------------------------

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    /** Polls {@code condition} until it gives a non-null, non-false value or the deadline passes. */
    <T> T until(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    WebElement visible(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement visible(String testId) {
        return visible(testId(testId));
    }

    List<WebElement> all(String testId) {
        return driver.findElements(testId(testId));
    }

    /** Waits until the page's visible text contains {@code text}. */
    void waitForText(String text) {
        until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    /** Waits until the element found by {@code by} is there and its visible text contains {@code text}. */
    void waitForText(By by, String text) {
        until(d -> d.findElement(by).getText().contains(text));
    }

    /** Waits until one of the toasts on show (they stack, newest last) contains {@code text}. */
    void waitForToast(String text) {
        until(d -> d.findElements(testId("toast")).stream().anyMatch(toast -> toast.getText().contains(text)));
    }

    // ---- forms -------------------------------------------------------------------------------------------

    /** The input, select or textarea called {@code name} inside the form with {@code formTestId}. */
    WebElement field(String formTestId, String name) {
        return visible(By.cssSelector("[data-testid='" + formTestId + "'] [name='" + name + "']"));
    }

    /** Replaces the text of a field; works with React's controlled inputs, which {@code clear()} does not update. */
    void type(String formTestId, String name, String text) {
        replaceText(field(formTestId, name), text);
    }

    void replaceText(WebElement input, String text) {
        scrollToCentre(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        until(d -> input.getDomProperty("value").isEmpty());
        input.sendKeys(text);
        until(d -> text.equals(input.getDomProperty("value")));
    }

    /** Chooses the option with {@code value} once it is offered (options may load from the API). */
    void choose(String formTestId, String name, String value) {
        WebElement select = field(formTestId, name);
        until(d -> !select.findElements(By.cssSelector("option[value='" + value + "']")).isEmpty());
        scrollToCentre(select);
        new Select(select).selectByValue(value);
        until(d -> value.equals(select.getDomProperty("value")));
    }

    /** Chooses the option with {@code value} in the select that itself carries {@code selectTestId}. */
    void select(String selectTestId, String value) {
        WebElement select = visible(selectTestId);
        until(d -> !select.findElements(By.cssSelector("option[value='" + value + "']")).isEmpty());
        scrollToCentre(select);
        new Select(select).selectByValue(value);
        until(d -> value.equals(select.getDomProperty("value")));
    }

    /** Clicks the submit button of the form with {@code formTestId}. */
    void submit(String formTestId) {
        click(visible(By.cssSelector("[data-testid='" + formTestId + "'] button[type='submit']")));
    }

    /** Clicks once the element can take the click (a toast may briefly cover it). */
    void click(WebElement element) {
        scrollToCentre(element);
        until(ExpectedConditions.elementToBeClickable(element));
        until(d -> {
            try {
                element.click();
                return true;
            } catch (ElementClickInterceptedException covered) {
                return false;
            }
        });
    }

    /**
     * Clicks the element found by {@code by}, finding it afresh on every attempt: a list that re-renders (a filter
     * applied, a refresh landing) replaces its rows, and an element found before that is stale.
     */
    void click(By by) {
        until(d -> {
            try {
                WebElement element = d.findElement(by);
                scrollToCentre(element);
                if (!element.isDisplayed() || !element.isEnabled()) {
                    return false;
                }
                element.click();
                return true;
            } catch (ElementClickInterceptedException | StaleElementReferenceException | NoSuchElementException notYet) {
                return false;
            }
        });
    }

    private void scrollToCentre(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'center'});", element);
    }

    // ---- flows shared by the tests ------------------------------------------------------------------------

    /** Signs in through the login form and waits for the header to show the user's name. */
    void logIn(String email, String password, String expectedName) {
        open("/login");
        type("login-form", "email", email);
        type("login-form", "password", password);
        submit("login-form");
        waitForText(testId("user-menu"), expectedName);
    }

    /** Signs out with the header button and waits for the visitor's "Sign in" link. */
    void logOut() {
        click(visible("logout-button"));
        waitForSignInLink();
    }

    void waitForSignInLink() {
        visible(By.xpath("//header//a[normalize-space()='Sign in']"));
    }

    /**
     * The newest code mailed to {@code email}, read from the dev mailbox page in this tab. The page refreshes itself
     * every few seconds, so waiting for a code to show is enough.
     */
    String latestMailboxCode(String email) {
        open("/dev/mailbox?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8));
        return until(d -> {
            Optional<WebElement> newest = d.findElements(testId("mailbox-item")).stream()
                    .filter(item -> item.findElement(testId("mailbox-to")).getText().equalsIgnoreCase(email))
                    .filter(item -> !item.findElements(testId("mailbox-code")).isEmpty())
                    .findFirst();
            return newest.map(item -> item.findElement(testId("mailbox-code")).getText().trim())
                    .filter(code -> code.matches("\\d{6}"))
                    .orElse(null);
        });
    }

    // ---- screens and audits -------------------------------------------------------------------------------

    /**
     * Lays pages out as a phone screen of {@code width} by {@code height} CSS pixels shows them. Resizing the window
     * cannot do it: Chromium keeps a window wider than a phone.
     */
    void emulateScreen(int width, int height) {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Back to the window's own size. */
    void stopEmulatingScreen() {
        ((ChromeDriver) driver).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /**
     * Audits the page as it is now with axe-core (the copy the web UI's npm install brings) and lists its serious and
     * critical violations, one line per element: rule, impact, what it asks, the element and how to fix it.
     */
    List<String> seriousAccessibilityViolations() {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object';"))) {
            page.executeScript(axeSource());
        }
        Object found = page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                    .then(results => done(results.violations
                        .filter(v => v.impact === 'serious' || v.impact === 'critical')
                        .flatMap(v => v.nodes.map(n => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                            + n.target.join(' ') + ' -- ' + (n.failureSummary || '').replace(/\\s+/g, ' ')))))
                    .catch(e => done(['axe-core failed: ' + e]));
                """);
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    private static String axeSource() {
        Path axe = Path.of(setting("MILKRUN_AXE_JS", "../web/node_modules/axe-core/axe.min.js"));
        if (!Files.isRegularFile(axe)) {
            String why = "axe-core not found at " + axe.toAbsolutePath().normalize()
                    + " (the web module's npm ci installs it; or set MILKRUN_AXE_JS to its axe.min.js)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + ", and CI=true requires the audit to run.");
            }
            Assumptions.abort(why + "; skipping the audit locally.");
        }
        try {
            return Files.readString(axe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what the browser shows to {@code target/ui-screenshots/<name>.png}. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            System.err.println("could not save screenshot " + name + ": " + e);
        }
    }
}
