package com.milkrun.accounts;

import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.shared.RequestScope;
import java.util.Map;
import java.util.Optional;

/**
 * A user store that reads each user at most once per API request ({@link RequestScope}): the token check reads the
 * caller, and the use case that needs the caller's profile (placing an order: addresses, name) gets the same record
 * without another round trip. What the request writes replaces what it remembers; outside a request every call goes
 * to the store. Within one request the caller is seen as of the request's start, which is what the token check
 * decided on anyway. A user read together with other records of the request (placing an order reads the customer
 * with the catalog) is handed to it by {@link #remember(String, Optional)}.
 */
public final class RequestScopedUsers implements UserStore {
    private final UserStore store;

    public RequestScopedUsers(UserStore store) {
        this.store = store;
    }

    @Override
    public User create(User user) {
        return remember(user.userId(), store.create(user));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<User> get(String userId) {
        Optional<Map<Object, Object>> memory = RequestScope.memory();
        if (memory.isEmpty()) {
            return store.get(userId);
        }
        Key key = new Key(userId);
        Optional<User> remembered = (Optional<User>) memory.get().get(key);
        if (remembered != null) {
            return remembered;
        }
        Optional<User> read = store.get(userId);
        memory.get().put(key, read);
        return read;
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return store.findByEmail(email);
    }

    @Override
    public User update(User user) {
        try {
            return remember(user.userId(), store.update(user));
        } catch (RuntimeException e) {
            forget(user.userId());
            throw e;
        }
    }

    @Override
    public Page<User> list(UserQuery query, PageRequest page) {
        return store.list(query, page);
    }

    /**
     * Has the current request remember a user read together with other records, as if this store had read it: the
     * request's next {@link #get} of that id answers it without a read. Does nothing outside a request, or when the
     * request already holds that user (what it read first, or wrote since, stands).
     */
    public static void remember(String userId, Optional<User> read) {
        RequestScope.memory().ifPresent(memory -> memory.putIfAbsent(new Key(userId), read));
    }

    private User remember(String userId, User stored) {
        RequestScope.memory().ifPresent(memory -> memory.put(new Key(userId), Optional.of(stored)));
        return stored;
    }

    private void forget(String userId) {
        RequestScope.memory().ifPresent(memory -> memory.remove(new Key(userId)));
    }

    /** What this store remembers a user under, apart from anything else the request remembers. */
    private record Key(String userId) {
    }
}
