package com.milkrun.testing;

import com.milkrun.notifications.Notification;
import java.time.Instant;

/** Object Mother of notifications in the inbox. */
public final class SentNotifications {
    private SentNotifications() {
    }

    /** The verification code mail Asha got when she registered. */
    public static Notification ashasVerificationCode() {
        return new Notification("note-asha-verify", "user-asha", "asha@example.com",
                Notification.Kind.EMAIL_VERIFICATION, "Your MilkRun verification code",
                "Welcome to MilkRun!\n\nYour verification code is 123456.", Times.MORNING_RUN);
    }

    /** The n-th order update mailed to a user, sent at {@code at}; ids sort in the order of n. */
    public static Notification orderUpdate(int n, String userId, String email, Instant at) {
        return new Notification(String.format("note-order-%s-%03d", userId, n), userId, email, Notification.Kind.ORDER,
                "Your MilkRun order is confirmed (" + n + ")",
                "Anand Dairy accepted your order " + n + ". It arrives tomorrow before 7 am.", at);
    }

    /** The n-th account notice to a user, sent at {@code at}; ids sort in the order of n. */
    public static Notification accountNotice(int n, String userId, String email, Instant at) {
        return new Notification(String.format("note-%s-%03d", userId, n), userId, email, Notification.Kind.ACCOUNT,
                "Your fresh milk is on its way (" + n + ")", "Delivery " + n + " leaves the dairy at 6 am.", at);
    }
}
