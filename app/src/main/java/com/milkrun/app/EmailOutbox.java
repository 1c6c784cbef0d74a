package com.milkrun.app;

import com.milkrun.notifications.Notifications;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends queued email in the background: each new email right after it is stored, and every {@code poll} whatever is
 * due (retries after backoff, emails a crashed process left behind, dead letters an admin retried).
 */
final class EmailOutbox implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(EmailOutbox.class.getName());

    private final Notifications notifications;
    private final ScheduledExecutorService executor;

    EmailOutbox(Notifications notifications, Duration poll) {
        this.notifications = notifications;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "email-outbox");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sendDue, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends {@code notificationId}'s email soon, on the outbox thread. */
    void soon(String notificationId) {
        try {
            executor.execute(() -> {
                try {
                    notifications.attempt(notificationId);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "email " + notificationId + " could not be attempted: " + e);
                }
            });
        } catch (RejectedExecutionException e) {
            // shutting down: the next process's poll sends it
        }
    }

    private void sendDue() {
        try {
            notifications.sendDue();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "email outbox poll failed: " + e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
