package com.milkrun.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.milkrun.demo.DemoData;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * An admin follows an order's workflow run and its emails in the back office: the run succeeds, while the emails,
 * with the mail server down, run out of attempts; once the mail server is back, retrying a dead letter delivers it.
 *
 * <p>MilkRun's SMTP port is a free local port nobody listens on (every attempt is refused), and an email is dead after
 * two attempts 100 ms apart. GreenMail starts on that port only when the test brings the mail server back.
 */
class AdminSeesRunsAndDeadLettersBrowserTest extends ShopBrowserTest {
    private static final String GIR = "vendor-001";
    private static final String GIR_OWNER = "vendor@milkrun.dev";
    private static final String GREEK_YOGURT = "prod-yogurt-200g";

    private static int smtpPort;
    private static GreenMail mailServer;

    @BeforeAll
    static void start_milkrun_with_its_mail_server_down() throws Exception {
        smtpPort = aPortNobodyListensOn();
        restartMilkRunWith(Map.of(
                "MILKRUN_SMTP_HOST", "127.0.0.1",
                "MILKRUN_SMTP_PORT", Integer.toString(smtpPort),
                "MILKRUN_SMTP_STARTTLS", "false",
                "MILKRUN_SMTP_TIMEOUT_SECONDS", "2",
                "MILKRUN_SMTP_FROM", "MilkRun <no-reply@milkrun.test>",
                "MILKRUN_EMAIL_RETRY_MS", "100",
                "MILKRUN_EMAIL_ATTEMPTS", "2",
                "MILKRUN_WORKFLOW_POLL_MS", "100"));
    }

    @AfterAll
    static void stop_the_mail_server() {
        if (mailServer != null) {
            mailServer.stop();
            mailServer = null;
        }
    }

    @Test
    void the_admin_sees_the_orders_run_succeed_and_its_dead_emails_and_a_retried_one_is_delivered() throws MessagingException {
        // Asha orders four Greek yogurts from Gir Organic Dairy; the workflow confirms it, but no email can go out.
        String token = api.logIn(DemoData.CUSTOMER_EMAIL, DemoData.PASSWORD);
        LocalDate deliveryDate = JsonApi.firstDeliveryDate();
        String orderId = api.placeOrder(token, "addr-home", deliveryDate, GIR, GREEK_YOGURT, 4).path("orderId").asText();

        // Priya opens the workflow runs and narrows them to the order: its one run succeeds.
        browser.logIn(DemoData.ADMIN_EMAIL, DemoData.PASSWORD, "Priya Admin");
        browser.open("/admin?tab=runs");
        browser.visible("admin-runs");
        assertThat(browser.visible("admin-tab-runs").getDomAttribute("aria-selected")).isEqualTo("true");
        browser.replaceText(browser.visible("runs-order-filter"), orderId);
        WebElement run = refreshingUntil("admin-runs", d -> onlyRunOf(d, orderId)
                .filter(row -> "Succeeded".equals(row.getDomAttribute("data-status"))).orElse(null));
        String runId = run.getDomAttribute("data-run-id");
        assertThat(run.findElement(Browser.testId("run-status")).getText().trim()).isEqualTo("Succeeded");

        // The status filter keeps it among the succeeded runs.
        browser.select("runs-status-filter", "Succeeded");
        browser.until(d -> onlyRunOf(d, orderId).map(row -> runId.equals(row.getDomAttribute("data-run-id"))).orElse(false));

        // Opening the run shows its history, oldest first: started, its steps, succeeded.
        browser.click(By.cssSelector("[data-testid='run-row'][data-run-id='" + runId + "'] [data-testid='run-open']"));
        By history = By.cssSelector("[data-testid='run-history'][data-run-id='" + runId + "']");
        browser.visible(history);
        List<String> events = browser.until(d -> {
            List<String> types = d.findElement(history).findElements(Browser.testId("run-event")).stream()
                    .map(event -> event.getDomAttribute("data-type")).toList();
            return types.isEmpty() ? null : types;
        });
        assertThat(events.getFirst()).isEqualTo("RunStarted");
        assertThat(events.getLast()).isEqualTo("RunSucceeded");
        assertThat(events).contains("TaskSucceeded");
        browser.screenshot("AdminSeesRunsAndDeadLettersBrowserTest.the_admin_sees-run-history");

        // The Emails tab opens on the dead letters: the dairy's new-order email and Asha's confirmation.
        browser.click(browser.visible("admin-tab-emails"));
        browser.visible("admin-emails");
        assertThat(browser.visible("emails-status-filter").getDomProperty("value")).isEqualTo("Dead");
        String vendorSubject = "New order for " + deliveryDate + ": Gir Organic Dairy";
        String customerSubject = "Order confirmed: " + orderId;
        refreshingUntil("admin-emails", d -> emailRow(d, vendorSubject, GIR_OWNER).isPresent()
                && emailRow(d, customerSubject, DemoData.CUSTOMER_EMAIL).isPresent());
        WebElement confirmation = emailRow(browser.driver(), customerSubject, DemoData.CUSTOMER_EMAIL).orElseThrow();
        String notificationId = confirmation.getDomAttribute("data-notification-id");
        assertThat(confirmation.getDomAttribute("data-status")).isEqualTo("Dead");
        assertThat(confirmation.findElement(Browser.testId("email-status")).getText().trim()).isEqualTo("Dead");
        assertThat(confirmation.findElement(By.cssSelector("td[data-label='Attempts']")).getText().trim()).isEqualTo("2");
        assertThat(confirmation.findElement(By.cssSelector("td[data-label='Last error']")).getText().trim()).isNotIn("", "—");
        assertThat(emailRow(browser.driver(), vendorSubject, GIR_OWNER).orElseThrow().getDomAttribute("data-status"))
                .isEqualTo("Dead");
        browser.screenshot("AdminSeesRunsAndDeadLettersBrowserTest.the_admin_sees-dead-letters");

        // The mail server is back. Priya retries Asha's confirmation: it is queued again, and it arrives.
        mailServer = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailServer.start();
        By retried = By.cssSelector("[data-testid='email-row'][data-notification-id='" + notificationId + "']");
        browser.click(browser.visible("retry-email-" + notificationId));
        browser.waitForToast("The email to " + DemoData.CUSTOMER_EMAIL + " is queued again.");
        browser.until(d -> List.of("Pending", "Sent").contains(d.findElement(retried).getDomAttribute("data-status")));
        assertThat(browser.all("retry-email-" + notificationId)).isEmpty();
        assertThat(mailServer.waitForIncomingEmail(Browser.PATIENCE.toMillis(), 1)).isTrue();
        MimeMessage received = mailServer.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo(customerSubject);
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo(DemoData.CUSTOMER_EMAIL);
        assertThat(mailServer.getReceivedMessages()).hasSize(1);

        // Among the sent emails it shows as sent; the dairy's email, not retried, is still a dead letter.
        browser.select("emails-status-filter", "Sent");
        refreshingUntil("admin-emails", d -> d.findElements(retried).stream()
                .anyMatch(row -> "Sent".equals(row.getDomAttribute("data-status"))));
        browser.screenshot("AdminSeesRunsAndDeadLettersBrowserTest.the_admin_sees_the_orders_run_succeed_and_its_dead_emails_and_a_retried_one_is_delivered");
        browser.select("emails-status-filter", "Dead");
        refreshingUntil("admin-emails", d -> emailRow(d, vendorSubject, GIR_OWNER).isPresent() && d.findElements(retried).isEmpty());
    }

    /**
     * Polls {@code condition}, pressing the section's Refresh button after each miss, since the admin lists load once
     * and do not follow the server by themselves.
     */
    private static <T> T refreshingUntil(String sectionTestId, Function<WebDriver, T> condition) {
        By refresh = By.cssSelector("[data-testid='" + sectionTestId + "'] > .panel__head button");
        return browser.until(d -> {
            T found = condition.apply(d);
            if (found != null && !Boolean.FALSE.equals(found)) {
                return found;
            }
            try {
                d.findElement(refresh).click();
            } catch (ElementClickInterceptedException coveredByAToast) {
                // the next poll presses it again
            }
            return null;
        });
    }

    /** The one run row listed, when it is the run of {@code orderId} (its order link names the order). */
    private static Optional<WebElement> onlyRunOf(WebDriver d, String orderId) {
        List<WebElement> rows = d.findElements(Browser.testId("run-row"));
        if (rows.size() != 1 || rows.getFirst().findElements(Browser.testId("run-order-link")).stream()
                .noneMatch(link -> orderId.equals(link.getDomAttribute("title")))) {
            return Optional.empty();
        }
        return Optional.of(rows.getFirst());
    }

    /** The row of the email with {@code subject} to {@code to}, if listed. */
    private static Optional<WebElement> emailRow(WebDriver d, String subject, String to) {
        return d.findElements(Browser.testId("email-row")).stream()
                .filter(row -> {
                    String text = row.getText();
                    return text.contains(subject) && text.contains("To " + to);
                })
                .findFirst();
    }

    /** A free local port, closed again at once: connecting to it is refused until GreenMail listens there. */
    private static int aPortNobodyListensOn() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
