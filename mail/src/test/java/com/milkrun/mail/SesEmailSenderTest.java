package com.milkrun.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.milkrun.mail.testing.ScriptedSes;
import com.milkrun.mail.testing.SesServer;
import com.milkrun.mail.testing.SesServer.ReceivedEmail;
import com.milkrun.notifications.EmailSender.EmailFailed;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;

/**
 * Sends through a real SES v2 API server: aws-ses-v2-local ({@code infra/local/ses}), one Node process for the test
 * JVM, which keeps every email it accepts. What that server never answers (SES's own refusals) and what it does not
 * keep (the configuration set, the charsets) is checked against {@link ScriptedSes}, a JDK HTTP server answering
 * the way SES does.
 */
class SesEmailSenderTest {
    private static final String FROM = "MilkRun <no-reply@milkrun.example>";
    private static final String BODY = "Your verification code is 482913.\nताज़ा दूध, every morning — ₹64 a litre";
    private static final AtomicInteger MAILBOXES = new AtomicInteger();

    @Test
    void delivers_a_plain_text_utf8_email_with_exactly_its_recipient_sender_subject_and_body() {
        String asha = mailbox("asha");
        try (SesEmailSender sender = senderTo(SesServer.get(), FROM)) {
            sender.send(asha, "आपका MilkRun बिल: ₹1,240 ✓", BODY);
        }

        List<ReceivedEmail> received = SesServer.get().emailsTo(asha);
        assertThat(received).hasSize(1);
        ReceivedEmail email = received.getFirst();
        assertThat(email.from()).isEqualTo(FROM);
        assertThat(email.to()).containsExactly(asha);
        assertThat(email.cc()).isEmpty();
        assertThat(email.bcc()).isEmpty();
        assertThat(email.subject()).isEqualTo("आपका MilkRun बिल: ₹1,240 ✓");
        assertThat(email.text()).contains(BODY);
        assertThat(email.html()).isEmpty();
    }

    @Test
    void sends_one_email_to_each_recipient_in_turn() {
        List<String> recipients = List.of(mailbox("asha"), mailbox("ravi"), mailbox("meena"));
        try (SesEmailSender sender = senderTo(SesServer.get(), FROM)) {
            for (String recipient : recipients) {
                sender.send(recipient, "Your order is out for delivery", "Hello " + recipient + ", Rakesh is on the way.");
            }
        }

        for (String recipient : recipients) {
            List<ReceivedEmail> received = SesServer.get().emailsTo(recipient);
            assertThat(received).as("emails to %s", recipient).hasSize(1);
            assertThat(received.getFirst().to()).containsExactly(recipient);
            assertThat(received.getFirst().text()).contains("Hello " + recipient + ", Rakesh is on the way.");
        }
    }

    @Test
    void encodes_a_non_ascii_sender_name_as_an_rfc_2047_word() throws IOException {
        String asha = mailbox("asha");
        try (SesEmailSender sender = senderTo(SesServer.get(), "दूधवाला MilkRun <no-reply@milkrun.example>")) {
            sender.send(asha, "Welcome", "Namaste!");
        }

        String from = SesServer.get().emailsTo(asha).getFirst().from();
        assertThat(StandardCharsets.US_ASCII.newEncoder().canEncode(from)).as("%s is ASCII", from).isTrue();
        assertThat(from).endsWith(" <no-reply@milkrun.example>");
        assertThat(MimeUtility.decodeText(from)).isEqualTo("दूधवाला MilkRun <no-reply@milkrun.example>");
    }

    @Test
    void an_email_in_a_configuration_set_is_accepted_by_the_local_server() {
        String asha = mailbox("asha");
        SesSettings settings = SesSettings.local(SesServer.get().endpoint(), SesServer.REGION, FROM)
                .withConfigurationSet("milkrun-transactional");
        try (SesEmailSender sender = new SesEmailSender(settings, SesServer.credentials())) {
            sender.send(asha, "Reset your password", "Code 771204");
        }

        assertThat(SesServer.get().emailsTo(asha)).singleElement()
                .satisfies(email -> assertThat(email.subject()).isEqualTo("Reset your password"));
    }

    @Test
    void sends_simple_utf8_content_and_the_configuration_set_when_one_is_configured() {
        try (ScriptedSes ses = ScriptedSes.start();
             SesEmailSender sender = new SesEmailSender(
                     SesSettings.local(ses.endpoint(), SesServer.REGION, FROM).withConfigurationSet("milkrun-transactional"),
                     SesServer.credentials())) {
            sender.send("asha@example.in", "Low stock ₹", BODY);

            assertThat(ses.requests()).singleElement().satisfies(request -> {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo("/v2/email/outbound-emails");
                JsonNode body = request.body();
                assertThat(body.path("FromEmailAddress").asText()).isEqualTo(FROM);
                assertThat(body.path("Destination").path("ToAddresses")).singleElement()
                        .satisfies(to -> assertThat(to.asText()).isEqualTo("asha@example.in"));
                assertThat(body.path("ConfigurationSetName").asText()).isEqualTo("milkrun-transactional");
                JsonNode simple = body.path("Content").path("Simple");
                assertThat(simple.path("Subject").path("Data").asText()).isEqualTo("Low stock ₹");
                assertThat(simple.path("Subject").path("Charset").asText()).isEqualTo("UTF-8");
                assertThat(simple.path("Body").path("Text").path("Data").asText()).isEqualTo(BODY);
                assertThat(simple.path("Body").path("Text").path("Charset").asText()).isEqualTo("UTF-8");
                assertThat(simple.path("Body").has("Html")).isFalse();
            });
        }
    }

    @Test
    void sends_no_configuration_set_when_none_is_configured() {
        try (ScriptedSes ses = ScriptedSes.start();
             SesEmailSender sender = new SesEmailSender(SesSettings.local(ses.endpoint(), SesServer.REGION, FROM),
                     SesServer.credentials())) {
            sender.send("asha@example.in", "Welcome", "Namaste!");

            assertThat(ses.requests()).singleElement()
                    .satisfies(request -> assertThat(request.body().has("ConfigurationSetName")).isFalse());
        }
    }

    @Test
    void reports_a_stopped_server_as_a_failed_email_without_the_body() {
        String asha = mailbox("asha");
        SesServer own = SesServer.start();
        try (SesEmailSender sender = senderTo(own, FROM)) {
            sender.send(asha, "Your subscription starts tomorrow", "Buffalo milk 1 L");
            assertThat(own.emailsTo(asha)).hasSize(1);
            own.stop();

            assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                    assertThatThrownBy(() -> sender.send(asha, "Your subscription is paused", BODY))
                            .isInstanceOf(EmailFailed.class)
                            .hasMessageContaining(own.endpoint().toString())
                            .hasMessageContaining("SES could not be called: Unable to execute HTTP request")
                            .satisfies(failure -> assertThat(failureText(failure)).doesNotContain(BODY)));
        } finally {
            own.close();
        }
    }

    @Test
    void fails_fast_when_nothing_listens_on_the_endpoint() throws IOException {
        int closedPort = aClosedPort();
        SesSettings settings = SesSettings.local(URI.create("http://127.0.0.1:" + closedPort),
                SesServer.REGION, FROM);
        try (SesEmailSender sender = new SesEmailSender(settings, SesServer.credentials())) {
            assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                    assertThatThrownBy(() -> sender.send("asha@example.in", "Hello", BODY))
                            .isInstanceOf(EmailFailed.class)
                            .hasMessageContaining("http://127.0.0.1:" + closedPort)
                            .satisfies(failure -> assertThat(failureText(failure)).doesNotContain(BODY)));
        }
    }

    @Test
    void gives_up_within_the_call_timeout_on_an_endpoint_that_accepts_but_never_answers() throws IOException {
        // A listening socket that nobody accepts from: the kernel completes the TCP handshake, then nothing is said.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
             SesEmailSender sender = new SesEmailSender(SesSettings.local(
                     URI.create("http://127.0.0.1:" + silent.getLocalPort()), SesServer.REGION, FROM),
                     SesServer.credentials(), Duration.ofSeconds(1))) {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () ->
                    assertThatThrownBy(() -> sender.send("asha@example.in", "Low stock", BODY))
                            .isInstanceOf(EmailFailed.class)
                            .hasMessageContaining("did not answer within PT1S")
                            .satisfies(failure -> assertThat(failureText(failure)).doesNotContain(BODY)));
        }
    }

    @ParameterizedTest(name = "{0} (HTTP {1})")
    @CsvSource(delimiter = '|', textBlock = """
            MessageRejected                    | 400 | MessageRejectedException           | SES rejected the message                                       | Email address is not verified. The following identities failed the check in region AP-SOUTH-1: no-reply@milkrun.example
            MailFromDomainNotVerifiedException | 400 | MailFromDomainNotVerifiedException | the sender's MAIL FROM domain is not verified in SES           | The MAIL FROM domain mail.milkrun.example is not verified
            AccountSuspendedException          | 400 | AccountSuspendedException          | the SES account is suspended from sending                      | Your account has been suspended
            SendingPausedException             | 400 | SendingPausedException             | sending is paused for the SES account or the configuration set | Sending is paused for this account
            LimitExceededException             | 400 | LimitExceededException             | an SES sending limit is exceeded                               | Maximum sending rate exceeded
            NotFoundException                  | 404 | NotFoundException                  | SES does not know something the request names                 | Configuration set milkrun-transactional does not exist
            BadRequestException                | 400 | BadRequestException                | SES refused the request as invalid                             | Illegal address
            InternalServiceErrorException      | 500 | InternalServiceErrorException      | SES answered with an error                                     | Internal failure
            """)
    void reports_an_error_answer_of_ses_as_a_failed_email_naming_the_cause_but_not_the_body(
            String errorType, int status, String sdkException, String cause, String sesMessage) {
        try (ScriptedSes ses = ScriptedSes.start(); SesEmailSender sender = senderTo(ses)) {
            ses.answerError(status, errorType, sesMessage);

            assertThatThrownBy(() -> sender.send("asha@example.in", "Verify your MilkRun account", BODY))
                    .isInstanceOf(EmailFailed.class)
                    .hasMessageStartingWith("Could not send email through " + ses.endpoint() + ": " + cause)
                    .hasMessageContaining(" (" + errorType + ", HTTP " + status + ", request scripted-request-")
                    .hasMessageEndingWith("): " + sesMessage)
                    .satisfies(failure -> assertThat(failure.getCause().getClass().getSimpleName())
                            .as("the AWS SDK's exception for the answer").isEqualTo(sdkException))
                    .satisfies(failure -> assertThat(failureText(failure)).doesNotContain(BODY));
        }
    }

    @Test
    void a_rejected_message_is_not_sent_again() {
        try (ScriptedSes ses = ScriptedSes.start(); SesEmailSender sender = senderTo(ses)) {
            ses.answerError(400, "MessageRejected", "Email address is not verified.");

            assertThatThrownBy(() -> sender.send("asha@example.in", "Welcome", BODY))
                    .isInstanceOf(EmailFailed.class)
                    .hasCauseInstanceOf(MessageRejectedException.class);
            assertThat(ses.requests()).hasSize(1);
        }
    }

    @Test
    void a_throttled_email_is_tried_again_before_it_fails() {
        try (ScriptedSes ses = ScriptedSes.start(); SesEmailSender sender = senderTo(ses)) {
            ses.answerError(429, "TooManyRequestsException", "Too many requests");

            assertThatThrownBy(() -> sender.send("asha@example.in", "Welcome", BODY))
                    .isInstanceOf(EmailFailed.class)
                    .hasMessageContaining("SES throttled the request (TooManyRequestsException, HTTP 429");
            assertThat(ses.requests()).hasSizeGreaterThan(1);
        }
    }

    @Test
    void an_error_answer_of_the_local_server_is_a_failed_email() {
        // aws-ses-v2-local refuses a simple email whose subject is empty, with HTTP 400 and no SES error type.
        String asha = mailbox("asha");
        try (SesEmailSender sender = senderTo(SesServer.get(), FROM)) {
            assertThatThrownBy(() -> sender.send(asha, "", BODY))
                    .isInstanceOf(EmailFailed.class)
                    .hasMessageContaining("HTTP 400")
                    .satisfies(failure -> assertThat(failureText(failure)).doesNotContain(BODY));
        }
        assertThat(SesServer.get().emailsTo(asha)).isEmpty();
    }

    @Test
    void reports_an_unusable_recipient_address_as_a_failed_email_without_calling_ses() {
        try (ScriptedSes ses = ScriptedSes.start(); SesEmailSender sender = senderTo(ses)) {
            assertThatThrownBy(() -> sender.send("asha at example dot in", "Hello", BODY))
                    .isInstanceOf(EmailFailed.class)
                    .hasMessageContaining("recipient is not a valid email address")
                    .satisfies(failure -> assertThat(failureText(failure)).doesNotContain("asha at example"));
            assertThat(ses.requests()).isEmpty();
        }
    }

    @Test
    void refuses_an_invalid_from_address_at_construction() {
        SesSettings settings = SesSettings.local(SesServer.get().endpoint(), SesServer.REGION, "no reply");

        assertThatThrownBy(() -> new SesEmailSender(settings, SesServer.credentials()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SesEmailSender senderTo(SesServer server, String from) {
        return new SesEmailSender(SesSettings.local(server.endpoint(), SesServer.REGION, from), SesServer.credentials());
    }

    private static SesEmailSender senderTo(ScriptedSes ses) {
        return new SesEmailSender(SesSettings.local(ses.endpoint(), SesServer.REGION, FROM), SesServer.credentials());
    }

    /** An address no other test of this JVM sends to, so tests can share the server's store. */
    private static String mailbox(String name) {
        return name + "+" + MAILBOXES.incrementAndGet() + "-" + ProcessHandle.current().pid() + "@example.in";
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
