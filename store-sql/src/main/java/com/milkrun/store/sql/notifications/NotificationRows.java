package com.milkrun.store.sql.notifications;

import com.milkrun.notifications.Notification;
import com.milkrun.store.sql.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The columns of {@code notifications}, and how a row becomes a notification. */
final class NotificationRows {
    static final String NOTIFICATION_ID = "notification_id";
    static final String USER_ID = "user_id";
    static final String EMAIL = "email";
    static final String KIND = "kind";
    static final String SUBJECT = "subject";
    static final String BODY = "body";
    static final String CREATED_AT = "created_at";
    static final String COLUMNS = "notification_id, user_id, email, kind, subject, body, created_at";

    private NotificationRows() {
    }

    static Notification notification(ResultSet row) throws SQLException {
        return new Notification(row.getString(NOTIFICATION_ID), row.getString(USER_ID), row.getString(EMAIL),
                Notification.Kind.valueOf(row.getString(KIND)), row.getString(SUBJECT), row.getString(BODY),
                SqlTime.read(row, CREATED_AT));
    }
}
