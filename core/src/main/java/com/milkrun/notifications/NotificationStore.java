package com.milkrun.notifications;

import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.util.Optional;

/** The inbox: every notification sent, newest first. */
public interface NotificationStore {
    void save(Notification notification);

    /** A user's notifications, newest first. */
    Page<Notification> listForUser(String userId, PageRequest page);

    /** All notifications, or those to one email address, newest first (the local dev mailbox). */
    Page<Notification> listRecent(Optional<String> email, PageRequest page);
}
