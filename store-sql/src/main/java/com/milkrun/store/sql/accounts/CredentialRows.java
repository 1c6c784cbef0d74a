package com.milkrun.store.sql.accounts;

import com.milkrun.accounts.Credential;
import com.milkrun.accounts.OneTimeCode;
import com.milkrun.store.sql.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The columns of {@code credentials} and {@code one_time_codes}, and how their rows become records. */
final class CredentialRows {
    static final String USER_ID = "user_id";
    static final String EMAIL = "email";
    static final String PASSWORD_HASH = "password_hash";
    static final String EMAIL_VERIFIED = "email_verified";
    static final String FAILED_ATTEMPTS = "failed_attempts";
    static final String LOCKED_UNTIL = "locked_until";
    static final String VERSION = "version";
    static final String CREDENTIAL_COLUMNS =
            "user_id, email, password_hash, email_verified, failed_attempts, locked_until, version";

    static final String PURPOSE = "purpose";
    static final String CODE_HASH = "code_hash";
    static final String EXPIRES_AT = "expires_at";
    static final String ATTEMPTS_LEFT = "attempts_left";
    static final String WINDOW_START = "window_start";
    static final String SENDS_IN_WINDOW = "sends_in_window";
    static final String CODE_COLUMNS = "user_id, purpose, code_hash, expires_at, attempts_left, window_start, sends_in_window";

    private CredentialRows() {
    }

    static Credential credential(ResultSet row) throws SQLException {
        return new Credential(row.getString(USER_ID), row.getString(EMAIL), row.getString(PASSWORD_HASH),
                row.getBoolean(EMAIL_VERIFIED), row.getInt(FAILED_ATTEMPTS), SqlTime.readOptional(row, LOCKED_UNTIL),
                row.getLong(VERSION));
    }

    static OneTimeCode code(ResultSet row) throws SQLException {
        return new OneTimeCode(row.getString(USER_ID), OneTimeCode.Purpose.valueOf(row.getString(PURPOSE)),
                row.getString(CODE_HASH), SqlTime.read(row, EXPIRES_AT), row.getInt(ATTEMPTS_LEFT),
                SqlTime.read(row, WINDOW_START), row.getInt(SENDS_IN_WINDOW));
    }
}
