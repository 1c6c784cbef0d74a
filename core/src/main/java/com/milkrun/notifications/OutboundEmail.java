package com.milkrun.notifications;

import java.time.Instant;
import java.util.Objects;

/**
 * The email copy of one notification on its way out (an outbox row): attempts so far, when the next may start, the
 * last error. A process that starts an attempt claims the email by bumping {@code attempts} and pushing
 * {@code nextAttemptAt} past the attempt's lease, so that no two processes send the same attempt.
 */
public record OutboundEmail(String notificationId, String userId, String to, String subject, String body,
                            EmailStatus status, int attempts, Instant nextAttemptAt, String lastError,
                            Instant createdAt, Instant updatedAt) {
    public OutboundEmail {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        lastError = lastError == null ? "" : lastError;
    }

    /** An outbound email of {@code notification}, due now. */
    public static OutboundEmail of(Notification notification) {
        return new OutboundEmail(notification.notificationId(), notification.userId(), notification.email(),
                notification.subject(), notification.body(), EmailStatus.PENDING, 0, notification.createdAt(), null,
                notification.createdAt(), notification.createdAt());
    }
}
