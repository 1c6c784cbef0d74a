package com.milkrun.store.memory;

import com.milkrun.notifications.EmailStatus;
import com.milkrun.notifications.OutboundEmail;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.shared.ConcurrentModification;
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

/** Every notification and outbound email in maps; every method holds the store's lock. */
public final class InMemoryNotificationStore implements NotificationStore {
    private static final Keyset<Notification> INBOX =
            Keyset.newestFirst("inbox", Notification::createdAt, Notification::notificationId);
    private static final Keyset<Notification> MAILBOX =
            Keyset.newestFirst("mailbox", Notification::createdAt, Notification::notificationId);
    private static final Keyset<OutboundEmail> OUTBOX =
            Keyset.newestFirst("outbox", OutboundEmail::createdAt, OutboundEmail::notificationId);
    private static final Comparator<OutboundEmail> OLDEST_DUE =
            Comparator.comparing(OutboundEmail::nextAttemptAt).thenComparing(OutboundEmail::notificationId);

    private final Map<String, Notification> byId = new LinkedHashMap<>();
    private final Map<String, OutboundEmail> emails = new HashMap<>();

    @Override
    public synchronized void save(Notification n) {
        if (byId.containsKey(n.notificationId())) {
            throw DomainException.conflict("Conflict", "A notification with this id already exists");
        }
        put(n);
    }

    @Override
    public synchronized boolean saveNew(Notification n, Optional<OutboundEmail> email) {
        email.ifPresent(d -> requireSameId(n, d));
        if (byId.containsKey(n.notificationId())) {
            return false;
        }
        put(n);
        email.ifPresent(d -> emails.put(d.notificationId(), d));
        return true;
    }

    /**
     * Throws unless every message's id is free.
     *
     * @throws ConcurrentModification naming the first message whose id is taken
     */
    public synchronized void requireNew(List<Notification> messages) {
        for (Notification n : messages) {
            if (byId.containsKey(n.notificationId())) {
                throw new ConcurrentModification("Notification " + n.notificationId());
            }
        }
    }

    /**
     * Stores new messages and their emails together, as a store that sends them with its own rows does.
     *
     * @throws ConcurrentModification when a message's id is taken (nothing is stored)
     */
    public synchronized void saveAllNew(List<Notification> messages, List<OutboundEmail> outbound) {
        requireNew(messages);
        for (OutboundEmail email : outbound) {
            if (messages.stream().noneMatch(n -> n.notificationId().equals(email.notificationId()))) {
                throw new IllegalArgumentException("email " + email.notificationId() + " of no message given");
            }
        }
        messages.forEach(this::put);
        outbound.forEach(email -> emails.put(email.notificationId(), email));
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
    public synchronized List<String> dueEmails(Instant now, int limit) {
        return emails.values().stream()
                .filter(d -> due(d, now))
                .sorted(OLDEST_DUE)
                .limit(limit)
                .map(OutboundEmail::notificationId)
                .toList();
    }

    @Override
    public synchronized Optional<OutboundEmail> email(String notificationId) {
        return Optional.ofNullable(emails.get(notificationId));
    }

    @Override
    public synchronized Optional<OutboundEmail> claimEmail(String notificationId, int attemptsSoFar, Instant now,
                                                              Instant leaseUntil) {
        OutboundEmail d = emails.get(notificationId);
        if (d == null || !due(d, now) || d.attempts() != attemptsSoFar) {
            return Optional.empty();
        }
        OutboundEmail claimed = new OutboundEmail(d.notificationId(), d.userId(), d.to(), d.subject(), d.body(),
                EmailStatus.PENDING, attemptsSoFar + 1, leaseUntil, d.lastError(), d.createdAt(), now);
        emails.put(notificationId, claimed);
        return Optional.of(claimed);
    }

    @Override
    public synchronized void finishEmail(String notificationId, int attempt, EmailStatus status,
                                            Instant nextAttemptAt, String lastError, Instant now) {
        OutboundEmail d = emails.get(notificationId);
        if (d == null || d.status() != EmailStatus.PENDING || d.attempts() != attempt) {
            return;
        }
        emails.put(notificationId, new OutboundEmail(d.notificationId(), d.userId(), d.to(), d.subject(), d.body(),
                status, attempt, nextAttemptAt == null ? d.nextAttemptAt() : nextAttemptAt, lastError, d.createdAt(),
                now));
    }

    @Override
    public synchronized Page<OutboundEmail> emails(Optional<EmailStatus> status, PageRequest page) {
        List<OutboundEmail> matches = emails.values().stream()
                .filter(d -> status.map(s -> s == d.status()).orElse(true))
                .toList();
        return OUTBOX.page(matches, "status=" + status.map(EmailStatus::wireName).orElse(""), page);
    }

    @Override
    public synchronized Optional<OutboundEmail> requeue(String notificationId, Instant now) {
        OutboundEmail d = emails.get(notificationId);
        if (d == null || d.status() != EmailStatus.DEAD) {
            return Optional.empty();
        }
        OutboundEmail requeued = new OutboundEmail(d.notificationId(), d.userId(), d.to(), d.subject(), d.body(),
                EmailStatus.PENDING, 0, now, d.lastError(), d.createdAt(), now);
        emails.put(notificationId, requeued);
        return Optional.of(requeued);
    }

    private void put(Notification n) {
        byId.put(n.notificationId(), new Notification(n.notificationId(), n.userId(), Text.lower(n.email()), n.kind(),
                n.subject(), n.body(), n.createdAt()));
    }

    private static boolean due(OutboundEmail d, Instant now) {
        return d.status() == EmailStatus.PENDING && !d.nextAttemptAt().isAfter(now);
    }

    private static void requireSameId(Notification n, OutboundEmail d) {
        if (!d.notificationId().equals(n.notificationId())) {
            throw new IllegalArgumentException("email " + d.notificationId() + " given for notification "
                    + n.notificationId());
        }
    }
}
