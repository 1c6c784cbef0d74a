package com.milkrun.store.sql.notifications;

import com.milkrun.notifications.Notification;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.store.sql.Jdbc;
import com.milkrun.store.sql.SqlKeyset;
import com.milkrun.store.sql.UniqueViolation;
import com.milkrun.store.sql.Where;
import java.util.Locale;
import java.util.Optional;

/** Notifications in {@code notifications}, listed newest first through the (user or email, time, id) indexes. */
public final class SqlNotificationStore implements NotificationStore {
    private static final SqlKeyset<Notification> INBOX = SqlKeyset.newestFirst("inbox", "created_at",
            "notification_id", Notification::createdAt, Notification::notificationId);
    private static final SqlKeyset<Notification> MAILBOX = SqlKeyset.newestFirst("mailbox", "created_at",
            "notification_id", Notification::createdAt, Notification::notificationId);

    private final Jdbc jdbc;

    public SqlNotificationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(Notification n) {
        try {
            jdbc.update("INSERT INTO notifications (" + NotificationRows.COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                    n.notificationId(), n.userId(), n.email().toLowerCase(Locale.ROOT), n.kind().name(), n.subject(),
                    n.body(), n.createdAt());
        } catch (UniqueViolation e) {
            throw DomainException.conflict("Conflict", "A notification with this id already exists");
        }
    }

    @Override
    public Page<Notification> listForUser(String userId, PageRequest page) {
        return list(INBOX, new Where().and("user_id = ?", userId), "user=" + userId, page);
    }

    @Override
    public Page<Notification> listRecent(Optional<String> email, PageRequest page) {
        Optional<String> address = email.map(e -> e.toLowerCase(Locale.ROOT));
        Where where = new Where();
        address.ifPresent(a -> where.and("email = ?", a));
        return list(MAILBOX, where, "email=" + address.orElse(""), page);
    }

    private Page<Notification> list(SqlKeyset<Notification> keyset, Where where, String filter, PageRequest page) {
        keyset.continueAfter(where, filter, page);
        String sql = "SELECT " + NotificationRows.COLUMNS + " FROM notifications" + where.sql() + keyset.orderAndLimit();
        return keyset.page(jdbc.query(sql, NotificationRows::notification, where.params(keyset.fetchSize(page))),
                filter, page);
    }
}
