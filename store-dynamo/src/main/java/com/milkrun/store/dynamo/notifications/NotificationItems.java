package com.milkrun.store.dynamo.notifications;

import static com.milkrun.store.dynamo.Attr.n;
import static com.milkrun.store.dynamo.Attr.s;
import static com.milkrun.store.dynamo.Attr.time;

import com.milkrun.notifications.EmailStatus;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.OutboundEmail;
import com.milkrun.store.dynamo.Attr;
import com.milkrun.store.dynamo.Names;
import com.milkrun.store.dynamo.TableSpec;
import com.milkrun.store.dynamo.TableSpec.IndexSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Notifications and their outbound emails as items of the Notifications table, key ({@code notificationId},
 * {@code itemKey}): the notification is {@code itemKey = "notification"}, its email copy, when there is one,
 * {@code itemKey = "email"} in the same partition.
 *
 * <p>Notification items carry the keys of three indexes, all sorted by {@code sortKey} (creation time, then id) and
 * read backwards for newest first: {@code userId-index} (a user's inbox), {@code email-index} (the mailbox of one
 * lower-case address) and {@code listing-index} (every notification under {@code listing = "notification"}).
 *
 * <p>Email items carry the keys of three others: {@code outbox-index} (every email under {@code outbox = "email"})
 * and {@code status-index} (by {@code status}, its wire name), both sorted by {@code outboxKey} (creation time, then
 * id) for the back office's outbox newest first; and {@code due-index}, sparse: only a pending email has
 * {@code due = "pending"} and {@code dueKey} (next attempt time, then id), so that the emails due are one Query,
 * oldest due first. The recipient is {@code toAddress}, kept as given.
 */
public final class NotificationItems {
    static final TableSpec TABLE = TableSpec.of("Notifications", "NOTIFICATIONS_TABLE", "notificationId", "itemKey",
            IndexSpec.of("userId-index", "userId", "sortKey"),
            IndexSpec.of("email-index", "email", "sortKey"),
            IndexSpec.of("listing-index", "listing", "sortKey"),
            IndexSpec.of("outbox-index", "outbox", "outboxKey"),
            IndexSpec.of("status-index", "status", "outboxKey"),
            IndexSpec.of("due-index", "due", "dueKey"));
    static final String NOTIFICATION = "notification";
    static final String EMAIL = "email";
    static final String LISTING = "notification";
    static final String OUTBOX = "email";
    static final String DUE = "pending";
    /** The longest error text an email keeps, as in SQL; longer ones are cut. */
    static final int LAST_ERROR_LENGTH = 2000;
    private static final String NEW_ITEM = "attribute_not_exists(notificationId)";

    private NotificationItems() {
    }

    /**
     * The actions that store a new notification and, when given, its outbound email, each a Put that requires its
     * item to be absent: the notification first, then the email. Whoever puts them into a TransactWriteItems of its
     * own reads a {@code ConditionalCheckFailed} reason on the first action as "a notification with this id exists".
     *
     * @throws IllegalArgumentException when the email is of another notification
     */
    public static List<TransactWriteItem> newMessage(String table, Notification n, Optional<OutboundEmail> email) {
        email.ifPresent(d -> requireSameId(n, d));
        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(putNew(table, item(n)));
        email.ifPresent(d -> actions.add(putNew(table, emailItem(d))));
        return actions;
    }

    static Map<String, AttributeValue> emailKey(String notificationId) {
        return Map.of("notificationId", s(notificationId), "itemKey", s(EMAIL));
    }

    static Map<String, AttributeValue> item(Notification n) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("notificationId", s(n.notificationId()));
        item.put("itemKey", s(NOTIFICATION));
        item.put("userId", s(n.userId()));
        item.put("email", s(n.email().toLowerCase(Locale.ROOT)));
        item.put("kind", s(n.kind().name()));
        item.put("subject", s(n.subject()));
        item.put("body", s(n.body()));
        item.put("createdAt", time(n.createdAt()));
        item.put("listing", s(LISTING));
        item.put("sortKey", s(Names.timeSortKey(n.createdAt(), n.notificationId())));
        return item;
    }

    static Notification notification(Map<String, AttributeValue> item) {
        return new Notification(Attr.string(item, "notificationId"), Attr.string(item, "userId"),
                Attr.string(item, "email"), Notification.Kind.valueOf(Attr.string(item, "kind")),
                Attr.string(item, "subject"), Attr.string(item, "body"), Attr.time(item, "createdAt"));
    }

    static Map<String, AttributeValue> emailItem(OutboundEmail d) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("notificationId", s(d.notificationId()));
        item.put("itemKey", s(EMAIL));
        item.put("userId", s(d.userId()));
        item.put("toAddress", s(d.to()));
        item.put("subject", s(d.subject()));
        item.put("body", s(d.body()));
        item.put("status", s(d.status().wireName()));
        item.put("attempts", n(d.attempts()));
        item.put("nextAttemptAt", time(d.nextAttemptAt()));
        item.put("lastError", s(lastError(d.lastError())));
        item.put("createdAt", time(d.createdAt()));
        item.put("updatedAt", time(d.updatedAt()));
        item.put("outbox", s(OUTBOX));
        item.put("outboxKey", s(Names.timeSortKey(d.createdAt(), d.notificationId())));
        if (d.status() == EmailStatus.PENDING) {
            item.put("due", s(DUE));
            item.put("dueKey", s(dueKey(d.nextAttemptAt(), d.notificationId())));
        }
        return item;
    }

    static OutboundEmail email(Map<String, AttributeValue> item) {
        String status = Attr.string(item, "status");
        return new OutboundEmail(Attr.string(item, "notificationId"), Attr.string(item, "userId"),
                Attr.string(item, "toAddress"), Attr.string(item, "subject"), Attr.string(item, "body"),
                EmailStatus.fromWireName(status).orElseThrow(() -> new IllegalStateException("unknown email status "
                        + status)),
                Attr.integer(item, "attempts"), Attr.time(item, "nextAttemptAt"), Attr.string(item, "lastError"),
                Attr.time(item, "createdAt"), Attr.time(item, "updatedAt"));
    }

    /** The sort key of a pending email in {@code due-index}. */
    static String dueKey(Instant nextAttemptAt, String notificationId) {
        return Names.timeSortKey(nextAttemptAt, notificationId);
    }

    /**
     * The smallest string above every {@code dueKey} of an email due by {@code now}: an email is due when its
     * {@code dueKey < dueBound(now)}, as the time part is fixed-width and comes first.
     */
    static String dueBound(Instant now) {
        return Names.timeKey(now.plusNanos(1));
    }

    /** The error text as stored: empty for none, cut to {@link #LAST_ERROR_LENGTH} characters. */
    static String lastError(String error) {
        if (error == null) {
            return "";
        }
        return error.length() <= LAST_ERROR_LENGTH ? error : error.substring(0, LAST_ERROR_LENGTH);
    }

    private static TransactWriteItem putNew(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression(NEW_ITEM))
                .build();
    }

    private static void requireSameId(Notification n, OutboundEmail d) {
        if (!d.notificationId().equals(n.notificationId())) {
            throw new IllegalArgumentException("email " + d.notificationId() + " given for notification "
                    + n.notificationId());
        }
    }
}
