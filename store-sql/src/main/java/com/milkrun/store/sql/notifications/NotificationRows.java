package com.milkrun.store.sql.notifications;

import com.milkrun.notifications.EmailStatus;
import com.milkrun.notifications.OutboundEmail;
import com.milkrun.notifications.Notification;
import com.milkrun.store.sql.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The columns of {@code notifications} and {@code email_deliveries}, and how their rows become records. */
final class NotificationRows {
    static final String NOTIFICATION_ID = "notification_id";
    static final String USER_ID = "user_id";
    static final String EMAIL = "email";
    static final String KIND = "kind";
    static final String SUBJECT = "subject";
    static final String BODY = "body";
    static final String CREATED_AT = "created_at";
    static final String COLUMNS = "notification_id, user_id, email, kind, subject, body, created_at";

    static final String TO_ADDRESS = "to_address";
    static final String STATUS = "status";
    static final String ATTEMPTS = "attempts";
    static final String NEXT_ATTEMPT_AT = "next_attempt_at";
    static final String LAST_ERROR = "last_error";
    static final String UPDATED_AT = "updated_at";
    static final String EMAIL_COLUMNS = "notification_id, user_id, to_address, subject, body, status, attempts,"
            + " next_attempt_at, last_error, created_at, updated_at";
    /** The longest error text {@code email_deliveries.last_error} holds; longer ones are cut. */
    static final int LAST_ERROR_LENGTH = 2000;

    private NotificationRows() {
    }

    static Notification notification(ResultSet row) throws SQLException {
        return new Notification(row.getString(NOTIFICATION_ID), row.getString(USER_ID), row.getString(EMAIL),
                Notification.Kind.valueOf(row.getString(KIND)), row.getString(SUBJECT), row.getString(BODY),
                SqlTime.read(row, CREATED_AT));
    }

    static OutboundEmail email(ResultSet row) throws SQLException {
        return new OutboundEmail(row.getString(NOTIFICATION_ID), row.getString(USER_ID), row.getString(TO_ADDRESS),
                row.getString(SUBJECT), row.getString(BODY), status(row.getString(STATUS)), row.getInt(ATTEMPTS),
                SqlTime.read(row, NEXT_ATTEMPT_AT), row.getString(LAST_ERROR), SqlTime.read(row, CREATED_AT),
                SqlTime.read(row, UPDATED_AT));
    }

    /** The values of an email row, in the order of {@link #EMAIL_COLUMNS}. */
    static Object[] emailValues(OutboundEmail d) {
        return new Object[] {d.notificationId(), d.userId(), d.to(), d.subject(), d.body(), d.status().wireName(),
                d.attempts(), d.nextAttemptAt(), lastError(d.lastError()), d.createdAt(), d.updatedAt()};
    }

    /** The error text as stored: empty for none, cut to {@link #LAST_ERROR_LENGTH} characters. */
    static String lastError(String error) {
        if (error == null) {
            return "";
        }
        return error.length() <= LAST_ERROR_LENGTH ? error : error.substring(0, LAST_ERROR_LENGTH);
    }

    private static EmailStatus status(String wireName) {
        return EmailStatus.fromWireName(wireName).orElseThrow(
                () -> new IllegalStateException("unknown status in table email_deliveries: " + wireName));
    }
}
