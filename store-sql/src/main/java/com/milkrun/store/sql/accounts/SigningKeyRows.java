package com.milkrun.store.sql.accounts;

import com.milkrun.accounts.SigningKey;
import com.milkrun.store.sql.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The columns of {@code signing_keys}, and how a row becomes a key. */
final class SigningKeyRows {
    static final String KEY_ID = "key_id";
    static final String PRIVATE_KEY = "private_key";
    static final String CREATED_AT = "created_at";
    static final String COLUMNS = "key_id, private_key, created_at";

    private SigningKeyRows() {
    }

    static SigningKey key(ResultSet row) throws SQLException {
        return new SigningKey(row.getString(KEY_ID), row.getString(PRIVATE_KEY), SqlTime.read(row, CREATED_AT));
    }
}
