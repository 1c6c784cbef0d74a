package com.milkrun.notifications;

import com.milkrun.access.Access;
import com.milkrun.access.Capability;
import com.milkrun.access.Principal;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Ids;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends notifications: always into the inbox and, when an {@link EmailSender} is configured, by email through an
 * outbox. The inbox entry and its outbound email are stored together; the email is then attempted (right away by
 * default, or by whoever {@link #onQueued} names), retried with backoff per {@link EmailRetryPolicy}, and after the
 * last failed attempt left dead for an admin to retry.
 */
public final class Notifications {
    private static final System.Logger LOG = System.getLogger(Notifications.class.getName());
    private static final int DUE_BATCH = 50;

    private final NotificationStore store;
    private final Optional<EmailSender> sender;
    private final Clock clock;
    private final EmailRetryPolicy policy;
    private volatile Consumer<String> queued;

    public Notifications(NotificationStore store, Optional<EmailSender> sender, Clock clock) {
        this(store, sender, clock, EmailRetryPolicy.STANDARD);
    }

    public Notifications(NotificationStore store, Optional<EmailSender> sender, Clock clock, EmailRetryPolicy policy) {
        this.store = store;
        this.sender = sender;
        this.clock = clock;
        this.policy = policy;
        this.queued = this::attempt;
    }

    /** Who attempts a newly stored email first (by default the sending thread, at once). */
    public void onQueued(Consumer<String> firstAttempt) {
        this.queued = Objects.requireNonNull(firstAttempt, "firstAttempt");
    }

    public Notification send(String userId, String toEmail, Notification.Kind kind, String subject, String body) {
        Notification notification = new Notification(Ids.newId("note"), userId, toEmail, kind, subject, body, clock.instant());
        store(notification);
        return notification;
    }

    /**
     * Sends a notification with a given id unless one with that id was sent already: how a step that may run twice
     * tells someone something once.
     *
     * @return true when sent now, false when it had been sent before
     */
    public boolean sendOnce(String notificationId, String userId, String toEmail, Notification.Kind kind, String subject,
                            String body) {
        return store(new Notification(notificationId, userId, toEmail, kind, subject, body, clock.instant()));
    }

    /** Stores a notification with the given id unless one with that id was stored already; see the other overload. */
    public boolean sendOnce(Notification notification) {
        return store(notification);
    }

    /** The email copy of a notification, when emails are sent at all: for a caller that stores both elsewhere. */
    public Optional<OutboundEmail> emailOf(Notification notification) {
        return sender.map(s -> OutboundEmail.of(notification));
    }

    /**
     * Emails stored by someone else (with the rows they belong to) and now committed: their first attempts are made as
     * for emails sent here.
     */
    public void queued(List<OutboundEmail> emails) {
        if (sender.isPresent()) {
            emails.forEach(email -> queued.accept(email.notificationId()));
        }
    }

    private boolean store(Notification notification) {
        Optional<OutboundEmail> email = sender.map(s -> OutboundEmail.of(notification));
        boolean stored = store.saveNew(notification, email);
        if (stored && email.isPresent()) {
            queued.accept(notification.notificationId());
        }
        return stored;
    }

    /** Attempts every email due now, each at most once; returns how many were attempted. */
    public int sendDue() {
        int attempted = 0;
        for (String id : store.dueEmails(clock.instant(), DUE_BATCH)) {
            if (attempt(id).isPresent()) {
                attempted++;
            }
        }
        return attempted;
    }

    /**
     * Makes the next attempt of one email if it is due and nobody else is making it.
     *
     * @return the email after the attempt, or empty when no attempt was made
     */
    public Optional<OutboundEmail> attempt(String notificationId) {
        if (sender.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<OutboundEmail> current = store.email(notificationId)
                .filter(d -> d.status() == EmailStatus.PENDING && !d.nextAttemptAt().isAfter(now));
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Optional<OutboundEmail> claimed = store.claimEmail(notificationId, current.get().attempts(), now, now.plus(policy.lease()));
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        OutboundEmail attempt = claimed.get();
        try {
            sender.get().send(attempt.to(), attempt.subject(), attempt.body());
            store.finishEmail(notificationId, attempt.attempts(), EmailStatus.SENT, clock.instant(), null, clock.instant());
        } catch (RuntimeException e) {
            Instant failedAt = clock.instant();
            boolean last = attempt.attempts() >= policy.maxAttempts();
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.log(System.Logger.Level.WARNING, "email " + notificationId + " attempt " + attempt.attempts()
                    + (last ? " failed for the last time: dead letter: " : " failed, will retry: ") + error);
            store.finishEmail(notificationId, attempt.attempts(), last ? EmailStatus.DEAD : EmailStatus.PENDING,
                    failedAt.plus(policy.retryAfter(attempt.attempts())), error, failedAt);
        }
        return store.email(notificationId);
    }

    /** The email outbox for the back office, by status, newest first. */
    public Page<OutboundEmail> emails(Principal caller, Optional<EmailStatus> status, PageRequest page) {
        Access.require(caller, Capability.OPERATE_PLATFORM);
        return store.emails(status, page);
    }

    /**
     * Gives a dead email a fresh set of attempts, starting now.
     *
     * @throws DomainException 404 for an unknown email, 409 {@code NotDead} for one that is not dead
     */
    public OutboundEmail retry(Principal caller, String notificationId) {
        Access.require(caller, Capability.OPERATE_PLATFORM);
        store.email(notificationId).orElseThrow(() -> DomainException.notFound("Email not found"));
        OutboundEmail requeued = store.requeue(notificationId, clock.instant())
                .orElseThrow(() -> DomainException.conflict("NotDead", "Only dead emails can be retried"));
        queued.accept(notificationId);
        return store.email(notificationId).orElse(requeued);
    }
}
