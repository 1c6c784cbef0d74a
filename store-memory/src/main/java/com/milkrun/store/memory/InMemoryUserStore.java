package com.milkrun.store.memory;

import com.milkrun.access.Role;
import com.milkrun.accounts.User;
import com.milkrun.accounts.UserQuery;
import com.milkrun.accounts.UserStore;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Users in a map, with an email index; every method holds the store's lock, so each call is atomic. */
public final class InMemoryUserStore implements UserStore {
    private static final Keyset<User> NEWEST_FIRST = Keyset.newestFirst("users", User::createdAt, User::userId);

    private final Map<String, User> byId = new HashMap<>();
    private final Map<String, String> idByEmail = new HashMap<>();

    @Override
    public synchronized User create(User user) {
        String email = Text.lower(user.email());
        if (byId.containsKey(user.userId()) || idByEmail.containsKey(email)) {
            throw userExists();
        }
        User stored = stored(user, email, 1);
        byId.put(stored.userId(), stored);
        idByEmail.put(email, stored.userId());
        return stored;
    }

    @Override
    public synchronized Optional<User> get(String userId) {
        return Optional.ofNullable(byId.get(userId));
    }

    @Override
    public synchronized Optional<User> findByEmail(String email) {
        return Optional.ofNullable(idByEmail.get(Text.lower(email))).map(byId::get);
    }

    @Override
    public synchronized User update(User user) {
        User current = byId.get(user.userId());
        if (current == null) {
            throw DomainException.notFound("User not found");
        }
        if (current.version() != user.version()) {
            throw new ConcurrentModification("User");
        }
        String email = Text.lower(user.email());
        String owner = idByEmail.get(email);
        if (owner != null && !owner.equals(user.userId())) {
            throw userExists();
        }
        User stored = stored(user, email, user.version() + 1);
        idByEmail.remove(current.email());
        idByEmail.put(email, stored.userId());
        byId.put(stored.userId(), stored);
        return stored;
    }

    @Override
    public synchronized Page<User> list(UserQuery query, PageRequest page) {
        Optional<String> text = Text.search(query.text());
        List<User> matches = byId.values().stream()
                .filter(u -> query.role().map(r -> r == u.role()).orElse(true))
                .filter(u -> text.map(t -> Text.contains(u.email(), t) || Text.contains(u.name(), t)).orElse(true))
                .toList();
        String filter = "role=" + query.role().map(Role::wireName).orElse("") + "\ntext=" + text.orElse("");
        return NEWEST_FIRST.page(matches, filter, page);
    }

    private static User stored(User u, String email, long version) {
        return new User(u.userId(), email, u.name(), u.phone(), u.role(), u.emailVerified(), u.disabled(),
                u.addresses(), u.createdAt(), u.updatedAt(), version);
    }

    private static DomainException userExists() {
        return DomainException.conflict("UserExists", "User with this email already exists");
    }
}
