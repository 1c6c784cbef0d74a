package com.milkrun.notifications;

import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The inbox: every notification sent, newest first; and the outbox of their email copies. */
public interface NotificationStore {
    void save(Notification notification);

    /**
     * Stores a notification and, when given, its outbound email, atomically, unless a notification with that id
     * exists (a step sending the same notification again).
     *
     * @return true when stored, false when the id was taken (nothing written)
     */
    boolean saveNew(Notification notification, Optional<OutboundEmail> email);

    /** A user's notifications, newest first. */
    Page<Notification> listForUser(String userId, PageRequest page);

    /** All notifications, or those to one email address, newest first (the local dev mailbox). */
    Page<Notification> listRecent(Optional<String> email, PageRequest page);

    /** Ids of pending emails due by {@code now}, oldest due first. */
    List<String> dueEmails(Instant now, int limit);

    Optional<OutboundEmail> email(String notificationId);

    /**
     * Claims the next attempt of a pending, due email that has made {@code attemptsSoFar} attempts: attempts
     * become {@code attemptsSoFar + 1} and the next attempt time {@code leaseUntil}.
     *
     * @return the email as claimed, or empty when someone else claimed it, it is not due, or not pending
     */
    Optional<OutboundEmail> claimEmail(String notificationId, int attemptsSoFar, Instant now, Instant leaseUntil);

    /**
     * Records how the claimed attempt number {@code attempt} ended: {@code SENT}, {@code PENDING} again at
     * {@code nextAttemptAt}, or {@code DEAD}; only while that attempt is still the latest.
     */
    void finishEmail(String notificationId, int attempt, EmailStatus status, Instant nextAttemptAt, String lastError,
                        Instant now);

    /** Emails in one status (or all), newest first. */
    Page<OutboundEmail> emails(Optional<EmailStatus> status, PageRequest page);

    /**
     * Puts a dead email back in the queue: pending, no attempts, due now.
     *
     * @return the email as requeued, or empty when it is not dead
     */
    Optional<OutboundEmail> requeue(String notificationId, Instant now);
}
