package com.milkrun.store.dynamo.accounts;

import static com.milkrun.store.dynamo.Attr.bool;
import static com.milkrun.store.dynamo.Attr.n;
import static com.milkrun.store.dynamo.Attr.s;
import static com.milkrun.store.dynamo.Attr.time;

import com.milkrun.access.Role;
import com.milkrun.accounts.Address;
import com.milkrun.accounts.User;
import com.milkrun.store.dynamo.Attr;
import com.milkrun.store.dynamo.Names;
import com.milkrun.store.dynamo.TableSpec;
import com.milkrun.store.dynamo.TableSpec.IndexSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Users as items of the Users table, key {@code userId}, addresses as a list of maps in order. Beside each user, an
 * email item with key {@code userId = "email#<lower-case email>"} names the user of that email: written in the same
 * transaction, it makes emails unique (a condition) and finding a user by email a strongly consistent read, which
 * the seed's eventually consistent {@code email-index} cannot give right after sign-up. Index
 * {@code listing-index}: every user item under {@code listing = "user"}, sorted by {@code sortKey} (creation time,
 * then id), read backwards for newest first.
 */
final class UserItems {
    static final TableSpec TABLE = TableSpec.of("Users", "USERS_TABLE", "userId", null,
            IndexSpec.of("listing-index", "listing", "sortKey"));
    static final String LISTING = "user";

    private UserItems() {
    }

    static Map<String, AttributeValue> key(String userId) {
        return Map.of("userId", s(userId));
    }

    static Map<String, AttributeValue> emailKey(String email) {
        return Map.of("userId", s("email#" + email.toLowerCase(Locale.ROOT)));
    }

    static Map<String, AttributeValue> emailItem(User user) {
        return Map.of("userId", s("email#" + user.email().toLowerCase(Locale.ROOT)), "emailOf", s(user.userId()));
    }

    static Map<String, AttributeValue> item(User u) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("userId", s(u.userId()));
        item.put("email", s(u.email()));
        item.put("name", s(u.name()));
        item.put("nameKey", s(Names.key(u.name())));
        item.put("phone", s(u.phone() == null ? "" : u.phone()));
        item.put("role", s(u.role().wireName()));
        item.put("emailVerified", bool(u.emailVerified()));
        item.put("disabled", bool(u.disabled()));
        item.put("addresses", AttributeValue.fromL(u.addresses().stream().map(UserItems::address).toList()));
        item.put("createdAt", time(u.createdAt()));
        item.put("updatedAt", time(u.updatedAt()));
        item.put("version", n(u.version()));
        item.put("listing", s(LISTING));
        item.put("sortKey", s(Names.timeSortKey(u.createdAt(), u.userId())));
        return item;
    }

    static User user(Map<String, AttributeValue> item) {
        String role = Attr.string(item, "role");
        List<Address> addresses = item.get("addresses").l().stream().map(a -> address(a.m())).toList();
        return new User(Attr.string(item, "userId"), Attr.string(item, "email"), Attr.string(item, "name"),
                Attr.string(item, "phone"), Role.fromWireName(role).orElseThrow(() -> new IllegalStateException("unknown role " + role)),
                Attr.bool(item, "emailVerified"), Attr.bool(item, "disabled"), addresses, Attr.time(item, "createdAt"),
                Attr.time(item, "updatedAt"), Attr.longValue(item, "version"));
    }

    private static AttributeValue address(Address a) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("addressId", s(a.addressId()));
        m.put("label", s(a.label()));
        m.put("line1", s(a.line1()));
        m.put("line2", s(a.line2()));
        m.put("city", s(a.city()));
        m.put("state", s(a.state()));
        m.put("zipCode", s(a.zipCode()));
        m.put("isDefault", bool(a.isDefault()));
        return AttributeValue.fromM(m);
    }

    private static Address address(Map<String, AttributeValue> m) {
        return new Address(Attr.string(m, "addressId"), Attr.string(m, "label"), Attr.string(m, "line1"),
                Attr.string(m, "line2"), Attr.string(m, "city"), Attr.string(m, "state"), Attr.string(m, "zipCode"),
                Attr.bool(m, "isDefault"));
    }
}
