package com.milkrun.store.sql.accounts;

import com.milkrun.accounts.RefreshSession;
import com.milkrun.store.sql.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The columns of {@code refresh_sessions}, and how a row becomes a session. */
final class SessionRows {
    static final String TOKEN_HASH = "token_hash";
    static final String USER_ID = "user_id";
    static final String FAMILY_ID = "family_id";
    static final String ISSUED_AT = "issued_at";
    static final String EXPIRES_AT = "expires_at";
    static final String STATUS = "status";
    static final String COLUMNS = "token_hash, user_id, family_id, issued_at, expires_at, status";

    private SessionRows() {
    }

    static RefreshSession session(ResultSet row) throws SQLException {
        return new RefreshSession(row.getString(TOKEN_HASH), row.getString(USER_ID), row.getString(FAMILY_ID),
                SqlTime.read(row, ISSUED_AT), SqlTime.read(row, EXPIRES_AT),
                RefreshSession.Status.valueOf(row.getString(STATUS)));
    }
}
