package com.milkrun.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {
    private static final String FROM = "no-reply@milkrun.example";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void hides_the_password_when_printed() {
        SmtpSettings settings = new SmtpSettings("smtp.example.in", 587, Optional.of("milkrun-mailer"),
                Optional.of("Ghee&Paneer-2025"), FROM, true, TIMEOUT);

        assertThat(settings.toString())
                .doesNotContain("Ghee&Paneer-2025")
                .contains("smtp.example.in", "587", "milkrun-mailer", "password=<hidden>", "startTls=true");
    }

    @Test
    void says_when_there_is_no_password() {
        assertThat(SmtpSettings.unauthenticated("localhost", 2525, FROM, TIMEOUT).toString())
                .contains("username=<none>", "password=<none>");
    }

    @Test
    void treats_a_blank_username_as_none() {
        SmtpSettings settings = new SmtpSettings("localhost", 2525, Optional.of(" "), Optional.empty(), FROM, false,
                TIMEOUT);

        assertThat(settings.username()).isEmpty();
    }

    @Test
    void refuses_a_password_without_a_username() {
        assertThatThrownBy(() -> new SmtpSettings("localhost", 2525, Optional.empty(), Optional.of("secret"), FROM,
                false, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
    }

    @Test
    void refuses_impossible_ports_blank_hosts_and_non_positive_timeouts() {
        assertThatThrownBy(() -> SmtpSettings.unauthenticated("localhost", 0, FROM, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpSettings.unauthenticated("localhost", 65_536, FROM, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpSettings.unauthenticated(" ", 25, FROM, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpSettings.unauthenticated("localhost", 25, FROM, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpSettings.unauthenticated("localhost", 25, " ", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
