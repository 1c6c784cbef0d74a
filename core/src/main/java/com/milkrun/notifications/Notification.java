package com.milkrun.notifications;

import java.time.Instant;
import java.util.Objects;

/** A message to one user: what it is about ({@link Kind}), a subject and a plain-text body. */
public record Notification(String notificationId, String userId, String email, Kind kind, String subject, String body,
                           Instant createdAt) {
    public enum Kind { EMAIL_VERIFICATION, PASSWORD_RESET, ACCOUNT, VENDOR, ORDER }

    public Notification {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
