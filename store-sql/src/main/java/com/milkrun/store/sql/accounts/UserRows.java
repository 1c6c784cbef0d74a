package com.milkrun.store.sql.accounts;

import com.milkrun.accounts.Address;
import com.milkrun.access.Role;
import com.milkrun.accounts.User;
import com.milkrun.store.sql.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The columns of {@code users} and {@code user_addresses}, and how their joined rows become users. */
final class UserRows {
    static final String USER_ID = "user_id";
    static final String EMAIL = "email";
    static final String NAME = "name";
    static final String PHONE = "phone";
    static final String ROLE = "role";
    static final String EMAIL_VERIFIED = "email_verified";
    static final String DISABLED = "disabled";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";
    static final String VERSION = "version";

    static final String POSITION = "position";
    static final String ADDRESS_ID = "address_id";
    static final String LABEL = "label";
    static final String LINE1 = "line1";
    static final String LINE2 = "line2";
    static final String CITY = "city";
    static final String STATE = "state";
    static final String ZIP_CODE = "zip_code";
    static final String IS_DEFAULT = "is_default";

    /** The select list of {@code users u LEFT JOIN user_addresses a}. */
    static final String JOINED_COLUMNS = "u.user_id, u.email, u.name, u.phone, u.role, u.email_verified, u.disabled,"
            + " u.created_at, u.updated_at, u.version, a.position, a.address_id, a.label, a.line1, a.line2, a.city,"
            + " a.state, a.zip_code, a.is_default";

    /** One row of users joined with addresses: the user, and one of its addresses or null. */
    record Joined(User user, Address address) {
    }

    private UserRows() {
    }

    static Joined mapJoined(ResultSet row) throws SQLException {
        User user = new User(row.getString(USER_ID), row.getString(EMAIL), row.getString(NAME), row.getString(PHONE),
                role(row.getString(ROLE)), row.getBoolean(EMAIL_VERIFIED), row.getBoolean(DISABLED), List.of(),
                SqlTime.read(row, CREATED_AT), SqlTime.read(row, UPDATED_AT), row.getLong(VERSION));
        String addressId = row.getString(ADDRESS_ID);
        Address address = addressId == null ? null : new Address(addressId, row.getString(LABEL), row.getString(LINE1),
                row.getString(LINE2), row.getString(CITY), row.getString(STATE), row.getString(ZIP_CODE),
                row.getBoolean(IS_DEFAULT));
        return new Joined(user, address);
    }

    /** Folds joined rows, ordered by user and address position, into users with their addresses. */
    static List<User> fold(List<Joined> rows) {
        List<User> users = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            User user = rows.get(i).user();
            List<Address> addresses = new ArrayList<>();
            while (i < rows.size() && rows.get(i).user().userId().equals(user.userId())) {
                if (rows.get(i).address() != null) {
                    addresses.add(rows.get(i).address());
                }
                i++;
            }
            users.add(withAddresses(user, addresses));
        }
        return users;
    }

    /** The user as the database will hold it: email in lower case, times to the microsecond, the given version. */
    static User stored(User u, long version) {
        return new User(u.userId(), u.email().toLowerCase(Locale.ROOT), u.name(), u.phone(), u.role(),
                u.emailVerified(), u.disabled(), u.addresses(), SqlTime.micros(u.createdAt()),
                SqlTime.micros(u.updatedAt()), version);
    }

    /** The values of an address row, in the column order of the insert. */
    static List<Object> addressValues(String userId, int position, Address a) {
        return List.of(userId, position, a.addressId(), a.label(), a.line1(), a.line2(), a.city(), a.state(),
                a.zipCode(), a.isDefault());
    }

    private static User withAddresses(User u, List<Address> addresses) {
        return new User(u.userId(), u.email(), u.name(), u.phone(), u.role(), u.emailVerified(), u.disabled(),
                addresses, u.createdAt(), u.updatedAt(), u.version());
    }

    private static Role role(String wireName) {
        return Role.fromWireName(wireName)
                .orElseThrow(() -> new IllegalStateException("unknown role in table users: " + wireName));
    }
}
