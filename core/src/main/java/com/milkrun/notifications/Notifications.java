package com.milkrun.notifications;

import com.milkrun.shared.Ids;
import java.time.Clock;
import java.util.Optional;

/** Sends notifications: always into the inbox, and by email when an {@link EmailSender} is configured. */
public final class Notifications {
    private static final System.Logger LOG = System.getLogger(Notifications.class.getName());

    private final NotificationStore store;
    private final Optional<EmailSender> email;
    private final Clock clock;

    public Notifications(NotificationStore store, Optional<EmailSender> email, Clock clock) {
        this.store = store;
        this.email = email;
        this.clock = clock;
    }

    public Notification send(String userId, String toEmail, Notification.Kind kind, String subject, String body) {
        Notification notification = new Notification(Ids.newId("note"), userId, toEmail, kind, subject, body, clock.instant());
        store.save(notification);
        email.ifPresent(sender -> {
            try {
                sender.send(toEmail, subject, body);
            } catch (EmailSender.EmailFailed e) {
                LOG.log(System.Logger.Level.WARNING, "email to user " + userId + " failed: " + e.getMessage());
            }
        });
        return notification;
    }
}
