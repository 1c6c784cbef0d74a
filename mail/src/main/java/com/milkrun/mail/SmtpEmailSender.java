package com.milkrun.mail;

import com.milkrun.notifications.EmailSender;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;

/**
 * Sends each email as one plain-text UTF-8 message over SMTP (Angus Mail), opening a connection per message: mail is
 * rare (codes, resets, order updates), so a pool would only add state. Every network step is bounded by
 * {@link SmtpSettings#timeout()}.
 */
public final class SmtpEmailSender implements EmailSender {
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SmtpSettings settings;
    private final Session session;
    private final InternetAddress from;

    /** @throws IllegalArgumentException when the from address is not a valid email address */
    public SmtpEmailSender(SmtpSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.session = Session.getInstance(properties(settings));
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("SMTP from address is not valid: " + settings.from(), e);
        }
    }

    @Override
    public void send(String to, String subject, String body) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            message.setSubject(subject, UTF_8);
            message.setText(body, UTF_8);
            if (settings.username().isPresent()) {
                Transport.send(message, settings.username().get(), settings.password().orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            // The server's reply is worth keeping; the password is never part of it, nor of these settings' text.
            throw new EmailFailed("Could not send email through " + settings.host() + ":" + settings.port() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Properties properties(SmtpSettings settings) {
        String timeoutMillis = Long.toString(settings.timeout().toMillis());
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.connectiontimeout", timeoutMillis);
        properties.put("mail.smtp.timeout", timeoutMillis);
        properties.put("mail.smtp.writetimeout", timeoutMillis);
        properties.put("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
        if (settings.startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        return properties;
    }
}
