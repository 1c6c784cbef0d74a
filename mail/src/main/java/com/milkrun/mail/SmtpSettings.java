package com.milkrun.mail;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to hand mail to an SMTP server. {@link #toString()} hides the password so the settings can be
 * logged at start-up.
 *
 * @param host     the SMTP server, such as {@code smtp.example.in} or {@code localhost}
 * @param port     usually 587 with STARTTLS, 25 or a development port without
 * @param username present when the server wants SMTP AUTH
 * @param password the SMTP AUTH password; only with a username
 * @param from     the sender address, such as {@code MilkRun <no-reply@milkrun.example>}
 * @param startTls whether to require STARTTLS (and check the server's certificate) before sending anything
 * @param timeout  the limit for connecting, and for each read and write, so a stuck server cannot hang a worker
 */
public record SmtpSettings(String host, int port, Optional<String> username, Optional<String> password, String from,
                           boolean startTls, Duration timeout) {
    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("SMTP host must not be blank");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMTP port must be between 1 and 65535, was " + port);
        }
        if (from.isBlank()) {
            throw new IllegalArgumentException("SMTP from address must not be blank");
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("SMTP timeout must be positive and under 24 days, was " + timeout);
        }
        username = username.filter(name -> !name.isBlank());
        if (password.isPresent() && username.isEmpty()) {
            throw new IllegalArgumentException("An SMTP password needs an SMTP username");
        }
    }

    /** Settings for a server on this machine without authentication or TLS, such as a development mail catcher. */
    public static SmtpSettings unauthenticated(String host, int port, String from, Duration timeout) {
        return new SmtpSettings(host, port, Optional.empty(), Optional.empty(), from, false, timeout);
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username.orElse("<none>")
                + ", password=" + (password.isPresent() ? "<hidden>" : "<none>") + ", from=" + from
                + ", startTls=" + startTls + ", timeout=" + timeout + "]";
    }
}
