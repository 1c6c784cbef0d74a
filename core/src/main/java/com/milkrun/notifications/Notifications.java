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
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends notifications: always into the inbox and, when an {@link EmailSender} is configured, by email through an
 * outbox. The inbox entry and its email delivery are stored together; the email is then attempted (right away by
 * default, or by whoever {@link #onQueued} names), retried with backoff per {@link DeliveryPolicy}, and after the
 * last failed attempt left dead for an admin to retry.
 */
public final class Notifications {
    private static final System.Logger LOG = System.getLogger(Notifications.class.getName());
    private static final int DUE_BATCH = 50;

    private final NotificationStore store;
    private final Optional<EmailSender> email;
    private final Clock clock;
    private final DeliveryPolicy policy;
    private volatile Consumer<String> queued;

    public Notifications(NotificationStore store, Optional<EmailSender> email, Clock clock) {
        this(store, email, clock, DeliveryPolicy.STANDARD);
    }

    public Notifications(NotificationStore store, Optional<EmailSender> email, Clock clock, DeliveryPolicy policy) {
        this.store = store;
        this.email = email;
        this.clock = clock;
        this.policy = policy;
        this.queued = this::deliver;
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

    private boolean store(Notification notification) {
        Optional<EmailDelivery> delivery = email.map(sender -> EmailDelivery.of(notification));
        boolean stored = store.saveNew(notification, delivery);
        if (stored && delivery.isPresent()) {
            queued.accept(notification.notificationId());
        }
        return stored;
    }

    /** Attempts every email due now, each at most once; returns how many were attempted. */
    public int deliverDue() {
        int attempted = 0;
        for (String id : store.dueDeliveries(clock.instant(), DUE_BATCH)) {
            if (deliver(id).isPresent()) {
                attempted++;
            }
        }
        return attempted;
    }

    /**
     * Makes the next attempt of one email if it is due and nobody else is making it.
     *
     * @return the delivery after the attempt, or empty when no attempt was made
     */
    public Optional<EmailDelivery> deliver(String notificationId) {
        if (email.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<EmailDelivery> current = store.delivery(notificationId)
                .filter(d -> d.status() == DeliveryStatus.PENDING && !d.nextAttemptAt().isAfter(now));
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Optional<EmailDelivery> claimed = store.claimDelivery(notificationId, current.get().attempts(), now, now.plus(policy.lease()));
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        EmailDelivery attempt = claimed.get();
        try {
            email.get().send(attempt.to(), attempt.subject(), attempt.body());
            store.finishDelivery(notificationId, attempt.attempts(), DeliveryStatus.SENT, clock.instant(), null, clock.instant());
        } catch (RuntimeException e) {
            Instant failedAt = clock.instant();
            boolean last = attempt.attempts() >= policy.maxAttempts();
            String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.log(System.Logger.Level.WARNING, "email " + notificationId + " attempt " + attempt.attempts()
                    + (last ? " failed for the last time: dead letter: " : " failed, will retry: ") + error);
            store.finishDelivery(notificationId, attempt.attempts(), last ? DeliveryStatus.DEAD : DeliveryStatus.PENDING,
                    failedAt.plus(policy.retryAfter(attempt.attempts())), error, failedAt);
        }
        return store.delivery(notificationId);
    }

    /** The email outbox for the back office, by status, newest first. */
    public Page<EmailDelivery> deliveries(Principal caller, Optional<DeliveryStatus> status, PageRequest page) {
        Access.require(caller, Capability.OPERATE_PLATFORM);
        return store.deliveries(status, page);
    }

    /**
     * Gives a dead email a fresh set of attempts, starting now.
     *
     * @throws DomainException 404 for an unknown delivery, 409 {@code NotDead} for one that is not dead
     */
    public EmailDelivery retry(Principal caller, String notificationId) {
        Access.require(caller, Capability.OPERATE_PLATFORM);
        store.delivery(notificationId).orElseThrow(() -> DomainException.notFound("Email delivery not found"));
        EmailDelivery requeued = store.requeue(notificationId, clock.instant())
                .orElseThrow(() -> DomainException.conflict("NotDead", "Only dead emails can be retried"));
        queued.accept(notificationId);
        return store.delivery(notificationId).orElse(requeued);
    }
}
