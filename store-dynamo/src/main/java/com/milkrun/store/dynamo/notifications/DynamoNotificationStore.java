package com.milkrun.store.dynamo.notifications;

import static com.milkrun.store.dynamo.Attr.n;
import static com.milkrun.store.dynamo.Attr.s;
import static com.milkrun.store.dynamo.Attr.time;

import com.milkrun.notifications.EmailStatus;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.notifications.OutboundEmail;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.store.dynamo.Attr;
import com.milkrun.store.dynamo.ConditionalWrites;
import com.milkrun.store.dynamo.Keyset;
import com.milkrun.store.dynamo.TableSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The inbox and the email outbox in the Notifications table ({@link NotificationItems}).
 *
 * <p>Storing a notification is {@link NotificationItems#newMessage}: the notification and its email, each only if
 * absent (one PutItem without an email, one TransactWriteItems with one). Lists query {@code userId-index},
 * {@code email-index} or {@code listing-index} for notifications and {@code outbox-index} or {@code status-index} for
 * emails, newest first. Every change of an email is one conditional UpdateItem on its item (a claim: pending, due and
 * at the attempts read; the end of an attempt: pending and still at that attempt; a requeue: dead), so that of racing
 * senders exactly one changes it; {@code due-index} only finds the candidates.
 */
public final class DynamoNotificationStore implements NotificationStore {
    public static final TableSpec TABLE = NotificationItems.TABLE;
    private static final Keyset<Notification> INBOX = new Keyset<>("inbox", Optional.of("userId-index"), "userId",
            List.of("userId", "sortKey", "notificationId", "itemKey"), true, NotificationItems::notification);
    private static final Keyset<Notification> MAILBOX = new Keyset<>("mailbox", Optional.of("listing-index"),
            "listing", List.of("listing", "sortKey", "notificationId", "itemKey"), true,
            NotificationItems::notification);
    private static final Keyset<Notification> MAILBOX_OF = new Keyset<>("mailbox", Optional.of("email-index"), "email",
            List.of("email", "sortKey", "notificationId", "itemKey"), true, NotificationItems::notification);
    private static final Keyset<OutboundEmail> OUTBOX = new Keyset<>("outbox", Optional.of("outbox-index"), "outbox",
            List.of("outbox", "outboxKey", "notificationId", "itemKey"), true, NotificationItems::email);
    private static final Keyset<OutboundEmail> OUTBOX_IN = new Keyset<>("outbox", Optional.of("status-index"),
            "status", List.of("status", "outboxKey", "notificationId", "itemKey"), true, NotificationItems::email);
    private static final String PENDING = EmailStatus.PENDING.wireName();

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoNotificationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void save(Notification n) {
        if (!ConditionalWrites.apply(dynamo, NotificationItems.newMessage(table, n, Optional.empty()))) {
            throw DomainException.conflict("Conflict", "A notification with this id already exists");
        }
    }

    @Override
    public boolean saveNew(Notification n, Optional<OutboundEmail> email) {
        return ConditionalWrites.apply(dynamo, NotificationItems.newMessage(table, n, email));
    }

    @Override
    public Page<Notification> listForUser(String userId, PageRequest page) {
        return INBOX.page(dynamo, table, userId, Keyset.Filter.none(), "user=" + userId, page);
    }

    @Override
    public Page<Notification> listRecent(Optional<String> email, PageRequest page) {
        Optional<String> address = email.map(e -> e.toLowerCase(Locale.ROOT));
        String filterKey = "email=" + address.orElse("");
        if (address.isPresent()) {
            return MAILBOX_OF.page(dynamo, table, address.get(), Keyset.Filter.none(), filterKey, page);
        }
        return MAILBOX.page(dynamo, table, NotificationItems.LISTING, Keyset.Filter.none(), filterKey, page);
    }

    @Override
    public List<String> dueEmails(Instant now, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        List<String> due = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table).indexName("due-index")
                    .keyConditionExpression("#due = :pending AND dueKey < :bound")
                    .expressionAttributeNames(Map.of("#due", "due"))
                    .expressionAttributeValues(Map.of(":pending", s(NotificationItems.DUE),
                            ":bound", s(NotificationItems.dueBound(now))))
                    .projectionExpression("notificationId").limit(limit - due.size()).exclusiveStartKey(start)
                    .build());
            response.items().forEach(item -> due.add(Attr.string(item, "notificationId")));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && due.size() < limit);
        return due;
    }

    @Override
    public Optional<OutboundEmail> email(String notificationId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(NotificationItems.emailKey(notificationId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(NotificationItems.email(item));
    }

    @Override
    public Optional<OutboundEmail> claimEmail(String notificationId, int attemptsSoFar, Instant now,
                                              Instant leaseUntil) {
        return change(notificationId, "SET attempts = :next, nextAttemptAt = :lease, dueKey = :leaseKey,"
                        + " updatedAt = :now",
                "#status = :pending AND attempts = :attempts AND dueKey < :bound",
                Map.of(":next", n(attemptsSoFar + 1L), ":lease", time(leaseUntil),
                        ":leaseKey", s(NotificationItems.dueKey(leaseUntil, notificationId)), ":now", time(now),
                        ":pending", s(PENDING), ":attempts", n(attemptsSoFar),
                        ":bound", s(NotificationItems.dueBound(now))));
    }

    @Override
    public void finishEmail(String notificationId, int attempt, EmailStatus status, Instant nextAttemptAt,
                            String lastError, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":status", s(status.wireName()));
        values.put(":error", s(NotificationItems.lastError(lastError)));
        values.put(":now", time(now));
        values.put(":pending", s(PENDING));
        values.put(":attempt", n(attempt));
        StringBuilder set = new StringBuilder("SET #status = :status, lastError = :error, updatedAt = :now");
        if (nextAttemptAt != null) {
            set.append(", nextAttemptAt = :next");
            values.put(":next", time(nextAttemptAt));
        }
        String remove = "";
        if (status != EmailStatus.PENDING) {
            remove = " REMOVE #due, dueKey";
        } else if (nextAttemptAt != null) {
            set.append(", dueKey = :dueKey");
            values.put(":dueKey", s(NotificationItems.dueKey(nextAttemptAt, notificationId)));
        }
        Map<String, String> names = remove.isEmpty() ? Map.of("#status", "status")
                : Map.of("#status", "status", "#due", "due");
        ConditionalWrites.update(dynamo, UpdateItemRequest.builder().tableName(table)
                .key(NotificationItems.emailKey(notificationId)).updateExpression(set + remove)
                .conditionExpression("#status = :pending AND attempts = :attempt")
                .expressionAttributeNames(names).expressionAttributeValues(values).build());
    }

    @Override
    public Page<OutboundEmail> emails(Optional<EmailStatus> status, PageRequest page) {
        String filterKey = "status=" + status.map(EmailStatus::wireName).orElse("");
        if (status.isPresent()) {
            return OUTBOX_IN.page(dynamo, table, status.get().wireName(), Keyset.Filter.none(), filterKey, page);
        }
        return OUTBOX.page(dynamo, table, NotificationItems.OUTBOX, Keyset.Filter.none(), filterKey, page);
    }

    @Override
    public Optional<OutboundEmail> requeue(String notificationId, Instant now) {
        return change(notificationId, "SET #status = :pending, attempts = :zero, nextAttemptAt = :now,"
                        + " updatedAt = :now, #due = :due, dueKey = :dueKey",
                "#status = :dead",
                Map.of(":pending", s(PENDING), ":zero", n(0), ":now", time(now), ":due", s(NotificationItems.DUE),
                        ":dueKey", s(NotificationItems.dueKey(now, notificationId)),
                        ":dead", s(EmailStatus.DEAD.wireName())));
    }

    /** One conditional UpdateItem of an email; the email as changed, or empty when the condition was false. */
    private Optional<OutboundEmail> change(String notificationId, String update, String condition,
                                           Map<String, AttributeValue> values) {
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        if (update.contains("#due")) {
            names.put("#due", "due");
        }
        return ConditionalWrites.update(dynamo, UpdateItemRequest.builder().tableName(table)
                .key(NotificationItems.emailKey(notificationId)).updateExpression(update)
                .conditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                .build()).map(NotificationItems::email);
    }
}
