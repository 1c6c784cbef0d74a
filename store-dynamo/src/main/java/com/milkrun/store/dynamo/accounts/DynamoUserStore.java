package com.milkrun.store.dynamo.accounts;

import static com.milkrun.store.dynamo.Attr.n;
import static com.milkrun.store.dynamo.Attr.s;

import com.milkrun.accounts.User;
import com.milkrun.accounts.UserQuery;
import com.milkrun.accounts.UserStore;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.store.dynamo.Attr;
import com.milkrun.store.dynamo.Keyset;
import com.milkrun.store.dynamo.Names;
import com.milkrun.store.dynamo.TableSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Users in the Users table ({@link UserItems}). Creating writes the user and its email item in one transaction, each
 * only if absent; updating requires the stored version and, when the email changes, moves the email item in the same
 * transaction. The admin's list queries {@code listing-index} newest first, filtering by role and text in DynamoDB.
 */
public final class DynamoUserStore implements UserStore {
    public static final TableSpec TABLE = UserItems.TABLE;
    private static final Keyset<User> NEWEST_FIRST = new Keyset<>("users", Optional.of("listing-index"), "listing",
            List.of("listing", "sortKey", "userId"), true, UserItems::user);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoUserStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public User create(User user) {
        User stored = stored(user, 1);
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(UserItems.item(stored))
                            .conditionExpression("attribute_not_exists(userId)")).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(UserItems.emailItem(stored))
                            .conditionExpression("attribute_not_exists(userId)")).build()));
            return stored;
        } catch (TransactionCanceledException e) {
            throw userExists();
        }
    }

    @Override
    public Optional<User> get(String userId) {
        return read(UserItems.key(userId)).filter(item -> item.containsKey("listing")).map(UserItems::user);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        return read(UserItems.emailKey(lower)).map(item -> Attr.string(item, "emailOf")).flatMap(this::get)
                .filter(user -> user.email().equals(lower));
    }

    @Override
    public User update(User user) {
        User stored = stored(user, user.version() + 1);
        Optional<User> current = get(user.userId());
        if (current.isEmpty()) {
            throw DomainException.notFound("User not found");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(UserItems.item(stored))
                .conditionExpression("attribute_exists(listing) AND version = :expected")
                .expressionAttributeValues(Map.of(":expected", n(user.version())))).build());
        String previousEmail = current.get().email();
        if (!previousEmail.equals(stored.email())) {
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(UserItems.emailKey(previousEmail))
                    .conditionExpression("emailOf = :user")
                    .expressionAttributeValues(Map.of(":user", s(stored.userId())))).build());
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(UserItems.emailItem(stored))
                    .conditionExpression("attribute_not_exists(userId)")).build());
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return stored;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (reasons.size() > 2 && "ConditionalCheckFailed".equals(reasons.get(2).code())) {
                throw userExists();
            }
            throw get(user.userId()).isPresent() ? new ConcurrentModification("User")
                    : DomainException.notFound("User not found");
        }
    }

    @Override
    public Page<User> list(UserQuery query, PageRequest page) {
        Optional<String> text = query.text().filter(t -> !t.isBlank()).map(Names::key);
        String filterKey = "role=" + query.role().map(r -> r.wireName()).orElse("") + "\ntext=" + text.orElse("");
        List<String> conditions = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        query.role().ifPresent(role -> {
            conditions.add("#role = :role");
            names.put("#role", "role");
            values.put(":role", s(role.wireName()));
        });
        text.ifPresent(t -> {
            conditions.add("(contains(email, :text) OR contains(nameKey, :text))");
            values.put(":text", s(t));
        });
        Keyset.Filter filter = new Keyset.Filter(
                conditions.isEmpty() ? Optional.empty() : Optional.of(String.join(" AND ", conditions)), names, values,
                item -> true);
        return NEWEST_FIRST.page(dynamo, table, UserItems.LISTING, filter, filterKey, page);
    }

    private Optional<Map<String, AttributeValue>> read(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static User stored(User u, long version) {
        return new User(u.userId(), u.email().toLowerCase(Locale.ROOT), u.name(), u.phone(), u.role(),
                u.emailVerified(), u.disabled(), u.addresses(), u.createdAt(), u.updatedAt(), version);
    }

    private static DomainException userExists() {
        return DomainException.conflict("UserExists", "User with this email already exists");
    }
}
