package com.milkrun.store.memory;

import com.milkrun.notifications.Notification;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every notification in a map; every method holds the store's lock. */
public final class InMemoryNotificationStore implements NotificationStore {
    private static final Keyset<Notification> INBOX =
            Keyset.newestFirst("inbox", Notification::createdAt, Notification::notificationId);
    private static final Keyset<Notification> MAILBOX =
            Keyset.newestFirst("mailbox", Notification::createdAt, Notification::notificationId);

    private final Map<String, Notification> byId = new LinkedHashMap<>();

    @Override
    public synchronized void save(Notification n) {
        if (byId.containsKey(n.notificationId())) {
            throw DomainException.conflict("Conflict", "A notification with this id already exists");
        }
        byId.put(n.notificationId(), new Notification(n.notificationId(), n.userId(), Text.lower(n.email()), n.kind(),
                n.subject(), n.body(), n.createdAt()));
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
}
