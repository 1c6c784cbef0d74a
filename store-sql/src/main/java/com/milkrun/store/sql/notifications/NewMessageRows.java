package com.milkrun.store.sql.notifications;

import com.milkrun.notifications.Notification;
import com.milkrun.notifications.OutboundEmail;
import com.milkrun.store.sql.Jdbc;
import com.milkrun.store.sql.UniqueViolation;
import com.milkrun.store.sql.Where;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes new notifications and their outbound emails inside a transaction someone else owns: the notification store's
 * own writes, and any store that sends messages together with its own rows (an order's first steps, done ahead, store
 * their messages with the order). A SQL helper, not a store: it holds no connection and answers to no port.
 */
public final class NewMessageRows {
    static final String INSERT = "INSERT INTO notifications (" + NotificationRows.COLUMNS + ") VALUES ("
            + Where.placeholders(7) + ")";
    static final String INSERT_EMAIL = "INSERT INTO email_deliveries (" + NotificationRows.EMAIL_COLUMNS + ") VALUES ("
            + Where.placeholders(11) + ")";

    private NewMessageRows() {
    }

    /**
     * The writes that insert the messages and the emails, each kind in one insert, for the caller to send with its
     * own ({@link Jdbc#updateAll}); a message with one of those ids existing fails them with a {@link UniqueViolation}.
     */
    public static List<Jdbc.Write> writes(List<Notification> messages, List<OutboundEmail> emails) {
        List<Jdbc.Write> writes = new ArrayList<>();
        if (!messages.isEmpty()) {
            List<List<?>> rows = new ArrayList<>();
            messages.forEach(n -> rows.add(Arrays.asList(values(n))));
            writes.add(Jdbc.Write.rows("INSERT INTO notifications (" + NotificationRows.COLUMNS + ")", rows));
        }
        if (!emails.isEmpty()) {
            List<List<?>> rows = new ArrayList<>();
            emails.forEach(e -> rows.add(Arrays.asList(NotificationRows.emailValues(e))));
            writes.add(Jdbc.Write.rows("INSERT INTO email_deliveries (" + NotificationRows.EMAIL_COLUMNS + ")", rows));
        }
        return writes;
    }

    static Object[] values(Notification n) {
        return new Object[] {n.notificationId(), n.userId(), n.email().toLowerCase(Locale.ROOT), n.kind().name(),
                n.subject(), n.body(), n.createdAt()};
    }
}
