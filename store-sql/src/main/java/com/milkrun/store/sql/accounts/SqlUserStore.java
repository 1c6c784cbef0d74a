package com.milkrun.store.sql.accounts;

import com.milkrun.accounts.User;
import com.milkrun.accounts.UserQuery;
import com.milkrun.accounts.UserStore;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.store.sql.Jdbc;
import com.milkrun.store.sql.Like;
import com.milkrun.store.sql.SqlKeyset;
import com.milkrun.store.sql.UniqueViolation;
import com.milkrun.store.sql.Where;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Users in {@code users}, their addresses in {@code user_addresses} (ordered by position). A user and its addresses
 * are written in one transaction and read in one statement, so a reader never sees half an update.
 */
public final class SqlUserStore implements UserStore {
    private static final SqlKeyset<User> NEWEST_FIRST =
            SqlKeyset.newestFirst("users", "created_at", "user_id", User::createdAt, User::userId);
    private static final String SELECT_JOINED = "SELECT " + UserRows.JOINED_COLUMNS
            + " FROM users u LEFT JOIN user_addresses a ON a.user_id = u.user_id";
    private static final String INSERT_ADDRESS = "INSERT INTO user_addresses (user_id, position, address_id, label,"
            + " line1, line2, city, state, zip_code, is_default) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Jdbc jdbc;

    public SqlUserStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public User create(User user) {
        User stored = UserRows.stored(user, 1);
        try {
            return jdbc.inTransaction(tx -> {
                tx.update("INSERT INTO users (user_id, email, name, phone, role, email_verified, disabled, created_at,"
                                + " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        stored.userId(), stored.email(), stored.name(), stored.phone(), stored.role().wireName(),
                        stored.emailVerified(), stored.disabled(), stored.createdAt(), stored.updatedAt(), 1L);
                insertAddresses(tx, stored);
                return stored;
            });
        } catch (UniqueViolation e) {
            throw userExists();
        }
    }

    @Override
    public Optional<User> get(String userId) {
        return jdbc.query(read(userId));
    }

    /** {@link #get} as a read to send with others ({@link Jdbc#queryAll}). */
    public Jdbc.Read<Optional<User>> read(String userId) {
        return Jdbc.Read.rows(SELECT_JOINED + " WHERE u.user_id = ? ORDER BY a.position", UserRows::mapJoined,
                List.of(userId)).then(rows -> UserRows.fold(rows).stream().findFirst());
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return one(SELECT_JOINED + " WHERE u.email = ? ORDER BY a.position", email.toLowerCase(Locale.ROOT));
    }

    @Override
    public User update(User user) {
        User stored = UserRows.stored(user, user.version() + 1);
        try {
            return jdbc.inTransaction(tx -> {
                int changed = tx.update("UPDATE users SET email = ?, name = ?, phone = ?, role = ?, email_verified = ?,"
                                + " disabled = ?, created_at = ?, updated_at = ?, version = ?"
                                + " WHERE user_id = ? AND version = ?",
                        stored.email(), stored.name(), stored.phone(), stored.role().wireName(), stored.emailVerified(),
                        stored.disabled(), stored.createdAt(), stored.updatedAt(), stored.version(), stored.userId(),
                        user.version());
                if (changed == 0) {
                    throw missingOrStale(tx, user.userId());
                }
                tx.update("DELETE FROM user_addresses WHERE user_id = ?", stored.userId());
                insertAddresses(tx, stored);
                return stored;
            });
        } catch (UniqueViolation e) {
            throw userExists();
        }
    }

    @Override
    public Page<User> list(UserQuery query, PageRequest page) {
        Optional<String> text = query.text().filter(t -> !t.isBlank()).map(t -> t.toLowerCase(Locale.ROOT));
        String filter = "role=" + query.role().map(r -> r.wireName()).orElse("") + "\ntext=" + text.orElse("");
        Where where = new Where();
        query.role().ifPresent(role -> where.and("role = ?", role.wireName()));
        text.ifPresent(t -> where.and("(email LIKE ? ESCAPE '!' OR LOWER(name) LIKE ? ESCAPE '!')",
                Like.contains(t), Like.contains(t)));
        NEWEST_FIRST.continueAfter(where, filter, page);
        String sql = "SELECT " + UserRows.JOINED_COLUMNS + " FROM (SELECT * FROM users" + where.sql()
                + NEWEST_FIRST.orderAndLimit() + ") u LEFT JOIN user_addresses a ON a.user_id = u.user_id"
                + " ORDER BY u.created_at DESC, u.user_id DESC, a.position";
        List<User> fetched = UserRows.fold(jdbc.query(sql, UserRows::mapJoined, where.params(NEWEST_FIRST.fetchSize(page))));
        return NEWEST_FIRST.page(fetched, filter, page);
    }

    /**
     * The owners of these vendors by user id, as a read to send with others ({@link Jdbc#queryAll}); ids not empty.
     * A vendor whose owner has no account is left out.
     */
    public Jdbc.Read<Map<String, User>> readOwnersOf(Collection<String> vendorIds) {
        List<String> ids = List.copyOf(new TreeSet<>(vendorIds));
        return Jdbc.Read.rows(SELECT_JOINED + " WHERE u.user_id IN (SELECT owner_user_id FROM vendors WHERE vendor_id IN ("
                + Where.placeholders(ids.size()) + ")) ORDER BY u.user_id, a.position", UserRows::mapJoined, ids).then(rows -> {
                    Map<String, User> found = new LinkedHashMap<>();
                    UserRows.fold(rows).forEach(u -> found.put(u.userId(), u));
                    return found;
                });
    }

    private Optional<User> one(String sql, Object... params) {
        return UserRows.fold(jdbc.query(sql, UserRows::mapJoined, params)).stream().findFirst();
    }

    private static void insertAddresses(Jdbc tx, User user) {
        List<List<?>> rows = new ArrayList<>();
        for (int position = 0; position < user.addresses().size(); position++) {
            rows.add(UserRows.addressValues(user.userId(), position, user.addresses().get(position)));
        }
        tx.batch(INSERT_ADDRESS, rows);
    }

    private static DomainException missingOrStale(Jdbc tx, String userId) {
        boolean exists = tx.queryOne("SELECT version FROM users WHERE user_id = ?", row -> row.getLong(1), userId)
                .isPresent();
        return exists ? new ConcurrentModification("User") : DomainException.notFound("User not found");
    }

    private static DomainException userExists() {
        return DomainException.conflict("UserExists", "User with this email already exists");
    }
}
