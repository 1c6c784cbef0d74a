package com.milkrun.store.sql.notifications;

import com.milkrun.notifications.EmailStatus;
import com.milkrun.notifications.OutboundEmail;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.store.sql.Jdbc;
import com.milkrun.store.sql.SqlKeyset;
import com.milkrun.store.sql.UniqueViolation;
import com.milkrun.store.sql.Where;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Notifications in {@code notifications}, listed newest first through the (user or email, time, id) indexes; their
 * email copies in {@code email_deliveries}, whose every change is one conditional UPDATE, so that of racing senders
 * exactly one changes an email.
 */
public final class SqlNotificationStore implements NotificationStore {
    private static final SqlKeyset<Notification> INBOX = SqlKeyset.newestFirst("inbox", "created_at",
            "notification_id", Notification::createdAt, Notification::notificationId);
    private static final SqlKeyset<Notification> MAILBOX = SqlKeyset.newestFirst("mailbox", "created_at",
            "notification_id", Notification::createdAt, Notification::notificationId);
    private static final SqlKeyset<OutboundEmail> OUTBOX = SqlKeyset.newestFirst("outbox", "created_at",
            "notification_id", OutboundEmail::createdAt, OutboundEmail::notificationId);
    private static final String PENDING = EmailStatus.PENDING.wireName();
    private static final String INSERT = NewMessageRows.INSERT;
    private static final String SELECT_EMAIL = "SELECT " + NotificationRows.EMAIL_COLUMNS
            + " FROM email_deliveries WHERE notification_id = ?";

    private final Jdbc jdbc;

    public SqlNotificationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(Notification n) {
        try {
            jdbc.update(INSERT, values(n));
        } catch (UniqueViolation e) {
            throw DomainException.conflict("Conflict", "A notification with this id already exists");
        }
    }

    @Override
    public boolean saveNew(Notification n, Optional<OutboundEmail> email) {
        email.ifPresent(d -> requireSameId(n, d));
        try {
            if (email.isEmpty()) {
                // one statement needs no transaction around it: one round trip instead of two
                jdbc.update(INSERT, values(n));
                return true;
            }
            jdbc.inTransaction(tx -> {
                tx.update(INSERT, values(n));
                email.ifPresent(d -> tx.update(NewMessageRows.INSERT_EMAIL, NotificationRows.emailValues(d)));
                return null;
            });
            return true;
        } catch (UniqueViolation e) {
            return false;
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

    @Override
    public List<String> dueEmails(Instant now, int limit) {
        return jdbc.query("SELECT notification_id FROM email_deliveries WHERE status = ? AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at, notification_id FETCH FIRST ? ROWS ONLY", row -> row.getString(1),
                PENDING, now, limit);
    }

    @Override
    public Optional<OutboundEmail> email(String notificationId) {
        return jdbc.queryOne(SELECT_EMAIL, NotificationRows::email, notificationId);
    }

    @Override
    public Optional<OutboundEmail> claimEmail(String notificationId, int attemptsSoFar, Instant now,
                                                 Instant leaseUntil) {
        return changeAndRead(notificationId, "UPDATE email_deliveries SET attempts = attempts + 1,"
                        + " next_attempt_at = ?, updated_at = ? WHERE notification_id = ? AND status = ?"
                        + " AND attempts = ? AND next_attempt_at <= ?",
                leaseUntil, now, notificationId, PENDING, attemptsSoFar, now);
    }

    @Override
    public void finishEmail(String notificationId, int attempt, EmailStatus status, Instant nextAttemptAt,
                               String lastError, Instant now) {
        String error = NotificationRows.lastError(lastError);
        String latest = " WHERE notification_id = ? AND status = ? AND attempts = ?";
        if (nextAttemptAt == null) {
            jdbc.update("UPDATE email_deliveries SET status = ?, last_error = ?, updated_at = ?" + latest,
                    status.wireName(), error, now, notificationId, PENDING, attempt);
        } else {
            jdbc.update("UPDATE email_deliveries SET status = ?, next_attempt_at = ?, last_error = ?, updated_at = ?"
                    + latest, status.wireName(), nextAttemptAt, error, now, notificationId, PENDING, attempt);
        }
    }

    @Override
    public Page<OutboundEmail> emails(Optional<EmailStatus> status, PageRequest page) {
        Where where = new Where();
        status.ifPresent(s -> where.and("status = ?", s.wireName()));
        String filter = "status=" + status.map(EmailStatus::wireName).orElse("");
        OUTBOX.continueAfter(where, filter, page);
        String sql = "SELECT " + NotificationRows.EMAIL_COLUMNS + " FROM email_deliveries" + where.sql()
                + OUTBOX.orderAndLimit();
        return OUTBOX.page(jdbc.query(sql, NotificationRows::email, where.params(OUTBOX.fetchSize(page))), filter,
                page);
    }

    @Override
    public Optional<OutboundEmail> requeue(String notificationId, Instant now) {
        return changeAndRead(notificationId, "UPDATE email_deliveries SET status = ?, attempts = 0,"
                        + " next_attempt_at = ?, updated_at = ? WHERE notification_id = ? AND status = ?",
                PENDING, now, now, notificationId, EmailStatus.DEAD.wireName());
    }

    /** Runs a conditional update of one email and reads it back in the same transaction when it changed. */
    private Optional<OutboundEmail> changeAndRead(String notificationId, String update, Object... params) {
        return jdbc.inTransaction(tx -> tx.update(update, params) == 0 ? Optional.empty()
                : tx.queryOne(SELECT_EMAIL, NotificationRows::email, notificationId));
    }

    private Page<Notification> list(SqlKeyset<Notification> keyset, Where where, String filter, PageRequest page) {
        keyset.continueAfter(where, filter, page);
        String sql = "SELECT " + NotificationRows.COLUMNS + " FROM notifications" + where.sql() + keyset.orderAndLimit();
        return keyset.page(jdbc.query(sql, NotificationRows::notification, where.params(keyset.fetchSize(page))),
                filter, page);
    }

    private static Object[] values(Notification n) {
        return NewMessageRows.values(n);
    }

    private static void requireSameId(Notification n, OutboundEmail d) {
        if (!d.notificationId().equals(n.notificationId())) {
            throw new IllegalArgumentException("email " + d.notificationId() + " given for notification "
                    + n.notificationId());
        }
    }
}
