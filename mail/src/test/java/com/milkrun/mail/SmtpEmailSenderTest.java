package com.milkrun.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.milkrun.notifications.EmailSender.EmailFailed;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sends through a real SMTP server: GreenMail, started in process on a free port for each test. */
class SmtpEmailSenderTest {
    private static final String FROM = "MilkRun <no-reply@milkrun.example>";
    private static final String ASHA = "asha@example.in";
    private static final String MAILER_LOGIN = "milkrun-mailer";
    private static final String MAILER_PASSWORD = "Ghee&Paneer-2025";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final long DELIVERY_DEADLINE_MILLIS = 5_000;

    private GreenMail mailServer;

    @BeforeEach
    void start_the_mail_server() {
        mailServer = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mailServer.start();
    }

    @AfterEach
    void stop_the_mail_server() {
        mailServer.stop();
    }

    @Test
    void delivers_a_plain_text_utf8_message_to_the_recipient() throws Exception {
        SmtpEmailSender sender = new SmtpEmailSender(
                SmtpSettings.unauthenticated("127.0.0.1", smtpPort(), FROM, TIMEOUT));
        String body = "Your verification code is 482913.\nताज़ा दूध, every morning — MilkRun";

        sender.send(ASHA, "Verify your MilkRun account ✓", body);

        MimeMessage received = theOnlyReceivedMessage();
        assertThat(received.getRecipients(Message.RecipientType.TO))
                .containsExactly(new InternetAddress(ASHA));
        assertThat(received.getFrom()).containsExactly(new InternetAddress(FROM));
        assertThat(received.getSubject()).isEqualTo("Verify your MilkRun account ✓");
        assertThat(received.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat(((String) received.getContent()).replace("\r\n", "\n")).isEqualTo(body);
    }

    @Test
    void signs_in_with_smtp_auth_when_a_username_is_configured() throws Exception {
        mailServer.setUser("mailer@milkrun.example", MAILER_LOGIN, MAILER_PASSWORD);
        SmtpEmailSender sender = new SmtpEmailSender(authenticated(MAILER_PASSWORD));

        sender.send(ASHA, "Your order is out for delivery", "Rakesh is on the way with 2 x Toned Milk 500 ml.");

        MimeMessage received = theOnlyReceivedMessage();
        assertThat(received.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress(ASHA));
        assertThat(received.getSubject()).isEqualTo("Your order is out for delivery");
    }

    @Test
    void reports_a_rejected_login_as_a_failed_email_without_revealing_the_password() {
        mailServer.setUser("mailer@milkrun.example", MAILER_LOGIN, MAILER_PASSWORD);
        String wrongPassword = "Curd&Butter-1999";
        SmtpEmailSender sender = new SmtpEmailSender(authenticated(wrongPassword));

        assertThatThrownBy(() -> sender.send(ASHA, "Reset your password", "Code 771204"))
                .isInstanceOf(EmailFailed.class)
                .hasMessageContaining("535")
                .satisfies(failure -> assertThat(failureText(failure)).doesNotContain(wrongPassword));
        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    @Test
    void fails_fast_when_nothing_listens_on_the_port() throws IOException {
        int closedPort = aClosedPort();
        SmtpEmailSender sender = new SmtpEmailSender(
                SmtpSettings.unauthenticated("127.0.0.1", closedPort, FROM, Duration.ofSeconds(10)));

        assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                assertThatThrownBy(() -> sender.send(ASHA, "Your subscription starts tomorrow", "Buffalo milk 1 L"))
                        .isInstanceOf(EmailFailed.class)
                        .hasMessageContaining("127.0.0.1:" + closedPort));
    }

    @Test
    void gives_up_within_the_timeout_on_a_server_that_accepts_but_never_greets() throws IOException {
        // A listening socket that nobody accepts from: the kernel completes the TCP handshake, then nothing is said.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            SmtpEmailSender sender = new SmtpEmailSender(SmtpSettings.unauthenticated(
                    "127.0.0.1", silent.getLocalPort(), FROM, Duration.ofMillis(500)));

            assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                    assertThatThrownBy(() -> sender.send(ASHA, "Low stock", "Paneer 200 g is running out"))
                            .isInstanceOf(EmailFailed.class)
                            .hasMessageContaining("127.0.0.1:" + silent.getLocalPort()));
        }
    }

    @Test
    void reports_an_unusable_recipient_address_as_a_failed_email() {
        SmtpEmailSender sender = new SmtpEmailSender(
                SmtpSettings.unauthenticated("127.0.0.1", smtpPort(), FROM, TIMEOUT));

        assertThatThrownBy(() -> sender.send("asha at example dot in", "Hello", "Body"))
                .isInstanceOf(EmailFailed.class);
        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    @Test
    void refuses_an_invalid_from_address_at_construction() {
        SmtpSettings settings = SmtpSettings.unauthenticated("127.0.0.1", smtpPort(), "no reply", TIMEOUT);

        assertThatThrownBy(() -> new SmtpEmailSender(settings)).isInstanceOf(IllegalArgumentException.class);
    }

    private SmtpSettings authenticated(String password) {
        return new SmtpSettings("127.0.0.1", smtpPort(), Optional.of(MAILER_LOGIN), Optional.of(password), FROM,
                false, TIMEOUT);
    }

    private int smtpPort() {
        return mailServer.getSmtp().getPort();
    }

    private MimeMessage theOnlyReceivedMessage() {
        assertThat(mailServer.waitForIncomingEmail(DELIVERY_DEADLINE_MILLIS, 1))
                .as("one message arrives within %d ms", DELIVERY_DEADLINE_MILLIS).isTrue();
        MimeMessage[] received = mailServer.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    /** Every message in the failure's cause chain, as a log line would show them. */
    private static String failureText(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    private static int aClosedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
