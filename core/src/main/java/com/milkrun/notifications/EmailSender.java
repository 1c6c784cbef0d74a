package com.milkrun.notifications;

/** Sends one plain-text email. Adapters: SMTP locally, SES on AWS. */
public interface EmailSender {
    /**
     * @throws EmailFailed when the message could not be handed to the mail server
     */
    void send(String to, String subject, String body);

    /** The mail server refused or could not be reached. */
    final class EmailFailed extends RuntimeException {
        public EmailFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
