package com.milkrun.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.milkrun.app.Config;
import com.milkrun.app.MilkRun;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * With an SMTP server configured, account notifications are emailed as well as kept in the inbox: here a real
 * SMTP server (GreenMail, listening on a socket) receives the verification code, and the code from the email works.
 */
class EmailNotificationsTest {
    private GreenMail smtp;
    private MilkRun app;
    private ApiClient api;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Config config = Config.from(TestConfigs.base(Map.of(
                "MILKRUN_STORE", "memory",
                "MILKRUN_SMTP_HOST", "127.0.0.1",
                "MILKRUN_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "MILKRUN_SMTP_STARTTLS", "false",
                "MILKRUN_SMTP_FROM", "MilkRun <no-reply@milkrun.test>")));
        app = MilkRun.start(config);
        api = new ApiClient(app.router()::handle);
    }

    @AfterEach
    void stop() {
        app.close();
        smtp.stop();
    }

    @Test
    void emails_the_verification_code_and_the_emailed_code_verifies_the_account() throws Exception {
        String email = "meera-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        assertThat(api.post("/auth/register", Map.of("email", email, "password", "Fresh@Milk1", "name", "Meera")).status()).isEqualTo(200);

        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo(email);
        assertThat(message.getSubject()).isEqualTo("Your MilkRun verification code");
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(GreenMailUtil.getBody(message));
        assertThat(code.find()).isTrue();

        assertThat(api.post("/auth/verify", Map.of("email", email, "code", code.group(1))).status()).isEqualTo(200);
        assertThat(api.post("/auth/login", Map.of("email", email, "password", "Fresh@Milk1")).status()).isEqualTo(200);
    }

    @Test
    void emails_a_password_reset_code() throws Exception {
        String email = "ravi-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        api.post("/auth/register", Map.of("email", email, "password", "Fresh@Milk1", "name", "Ravi"));
        assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
        assertThat(api.post("/auth/forgot-password", Map.of("email", email)).status()).isEqualTo(200);
        assertThat(smtp.waitForIncomingEmail(10_000, 2)).isTrue();
        assertThat(smtp.getReceivedMessages()[1].getSubject()).isEqualTo("Reset your MilkRun password");
    }

    @Test
    void keeps_working_when_the_mail_server_is_down() {
        smtp.stop();
        String email = "down-" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        assertThat(api.post("/auth/register", Map.of("email", email, "password", "Fresh@Milk1", "name", "Down")).status()).isEqualTo(200);
        assertThat(api.get("/dev/mailbox?email=" + email).json().get("items")).hasSize(1);
    }
}
