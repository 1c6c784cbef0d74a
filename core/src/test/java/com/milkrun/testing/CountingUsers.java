package com.milkrun.testing;

import com.milkrun.accounts.User;
import com.milkrun.accounts.UserQuery;
import com.milkrun.accounts.UserStore;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A user store in a map that counts the reads that reach it; updates compare versions like every store. */
public final class CountingUsers implements UserStore {
    private final Map<String, User> byId = new HashMap<>();
    private int reads;

    /** How many {@link #get} calls reached this store. */
    public int reads() {
        return reads;
    }

    public void put(User user) {
        byId.put(user.userId(), user);
    }

    @Override
    public User create(User user) {
        byId.put(user.userId(), user);
        return user;
    }

    @Override
    public Optional<User> get(String userId) {
        reads++;
        return Optional.ofNullable(byId.get(userId));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return byId.values().stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
    }

    @Override
    public User update(User user) {
        User current = byId.get(user.userId());
        if (current == null || current.version() != user.version()) {
            throw new ConcurrentModification("User");
        }
        User stored = new User(user.userId(), user.email(), user.name(), user.phone(), user.role(), user.emailVerified(),
                user.disabled(), user.addresses(), user.createdAt(), user.updatedAt(), user.version() + 1);
        byId.put(stored.userId(), stored);
        return stored;
    }

    @Override
    public Page<User> list(UserQuery query, PageRequest page) {
        return Page.last(List.copyOf(byId.values()));
    }
}
