package com.milkrun.store.memory;

import com.milkrun.notifications.DeliveryStatus;
import com.milkrun.notifications.EmailDelivery;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every notification and email delivery in maps; every method holds the store's lock. */
public final class InMemoryNotificationStore implements NotificationStore {
    private static final Keyset<Notification> INBOX =
            Keyset.newestFirst("inbox", Notification::createdAt, Notification::notificationId);
    private static final Keyset<Notification> MAILBOX =
            Keyset.newestFirst("mailbox", Notification::createdAt, Notification::notificationId);
    private static final Keyset<EmailDelivery> OUTBOX =
            Keyset.newestFirst("outbox", EmailDelivery::createdAt, EmailDelivery::notificationId);
    private static final Comparator<EmailDelivery> OLDEST_DUE =
            Comparator.comparing(EmailDelivery::nextAttemptAt).thenComparing(EmailDelivery::notificationId);

    private final Map<String, Notification> byId = new LinkedHashMap<>();
    private final Map<String, EmailDelivery> deliveries = new HashMap<>();

    @Override
    public synchronized void save(Notification n) {
        if (byId.containsKey(n.notificationId())) {
            throw DomainException.conflict("Conflict", "A notification with this id already exists");
        }
        put(n);
    }

    @Override
    public synchronized boolean saveNew(Notification n, Optional<EmailDelivery> delivery) {
        delivery.ifPresent(d -> requireSameId(n, d));
        if (byId.containsKey(n.notificationId())) {
            return false;
        }
        put(n);
        delivery.ifPresent(d -> deliveries.put(d.notificationId(), d));
        return true;
    }

    @Override
    public synchronized Page<Notification> listForUser(String userId, PageRequest page) {
        List<Notification> matches = byId.values().stream().filter(n -> n.userId().equals(userId)).toList();
        return INBOX.page(matches, "user=" + userId, page);
    }

    @Override
    public synchronized Page<Notification> listRecent(Optional<String> email, PageRequest page) {
        Optional<String> address = email.map(Text::lower);
        List<Notification> matches = byId.values().stream()
                .filter(n -> address.map(n.email()::equals).orElse(true))
                .toList();
        return MAILBOX.page(matches, "email=" + address.orElse(""), page);
    }

    @Override
    public synchronized List<String> dueDeliveries(Instant now, int limit) {
        return deliveries.values().stream()
                .filter(d -> due(d, now))
                .sorted(OLDEST_DUE)
                .limit(limit)
                .map(EmailDelivery::notificationId)
                .toList();
    }

    @Override
    public synchronized Optional<EmailDelivery> delivery(String notificationId) {
        return Optional.ofNullable(deliveries.get(notificationId));
    }

    @Override
    public synchronized Optional<EmailDelivery> claimDelivery(String notificationId, int attemptsSoFar, Instant now,
                                                              Instant leaseUntil) {
        EmailDelivery d = deliveries.get(notificationId);
        if (d == null || !due(d, now) || d.attempts() != attemptsSoFar) {
            return Optional.empty();
        }
        EmailDelivery claimed = new EmailDelivery(d.notificationId(), d.userId(), d.to(), d.subject(), d.body(),
                DeliveryStatus.PENDING, attemptsSoFar + 1, leaseUntil, d.lastError(), d.createdAt(), now);
        deliveries.put(notificationId, claimed);
        return Optional.of(claimed);
    }

    @Override
    public synchronized void finishDelivery(String notificationId, int attempt, DeliveryStatus status,
                                            Instant nextAttemptAt, String lastError, Instant now) {
        EmailDelivery d = deliveries.get(notificationId);
        if (d == null || d.status() != DeliveryStatus.PENDING || d.attempts() != attempt) {
            return;
        }
        deliveries.put(notificationId, new EmailDelivery(d.notificationId(), d.userId(), d.to(), d.subject(), d.body(),
                status, attempt, nextAttemptAt == null ? d.nextAttemptAt() : nextAttemptAt, lastError, d.createdAt(),
                now));
    }

    @Override
    public synchronized Page<EmailDelivery> deliveries(Optional<DeliveryStatus> status, PageRequest page) {
        List<EmailDelivery> matches = deliveries.values().stream()
                .filter(d -> status.map(s -> s == d.status()).orElse(true))
                .toList();
        return OUTBOX.page(matches, "status=" + status.map(DeliveryStatus::wireName).orElse(""), page);
    }

    @Override
    public synchronized Optional<EmailDelivery> requeue(String notificationId, Instant now) {
        EmailDelivery d = deliveries.get(notificationId);
        if (d == null || d.status() != DeliveryStatus.DEAD) {
            return Optional.empty();
        }
        EmailDelivery requeued = new EmailDelivery(d.notificationId(), d.userId(), d.to(), d.subject(), d.body(),
                DeliveryStatus.PENDING, 0, now, d.lastError(), d.createdAt(), now);
        deliveries.put(notificationId, requeued);
        return Optional.of(requeued);
    }

    private void put(Notification n) {
        byId.put(n.notificationId(), new Notification(n.notificationId(), n.userId(), Text.lower(n.email()), n.kind(),
                n.subject(), n.body(), n.createdAt()));
    }

    private static boolean due(EmailDelivery d, Instant now) {
        return d.status() == DeliveryStatus.PENDING && !d.nextAttemptAt().isAfter(now);
    }

    private static void requireSameId(Notification n, EmailDelivery d) {
        if (!d.notificationId().equals(n.notificationId())) {
            throw new IllegalArgumentException("delivery " + d.notificationId() + " given for notification "
                    + n.notificationId());
        }
    }
}
