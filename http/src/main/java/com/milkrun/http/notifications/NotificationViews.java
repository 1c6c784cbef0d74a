package com.milkrun.http.notifications;

import com.milkrun.notifications.EmailStatus;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.OutboundEmail;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of notifications: the inbox, the dev mailbox and the email outbox. */
public final class NotificationViews {
    private NotificationViews() {
    }

    public static Map<String, Object> notification(Notification n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("notificationId", n.notificationId());
        m.put("kind", n.kind().name());
        m.put("subject", n.subject());
        m.put("body", n.body());
        m.put("createdAt", n.createdAt().toString());
        return m;
    }

    public static Map<String, Object> mail(Notification n) {
        Map<String, Object> m = notification(n);
        m.put("to", n.email());
        return m;
    }

    /** An email in the outbox. */
    public static Map<String, Object> email(OutboundEmail d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("notificationId", d.notificationId());
        m.put("userId", d.userId());
        m.put("to", d.to());
        m.put("subject", d.subject());
        m.put("status", d.status().wireName());
        m.put("attempts", d.attempts());
        m.put("nextAttemptAt", d.status() == EmailStatus.PENDING ? d.nextAttemptAt().toString() : null);
        m.put("lastError", d.lastError());
        m.put("createdAt", d.createdAt().toString());
        m.put("updatedAt", d.updatedAt().toString());
        return m;
    }
}
