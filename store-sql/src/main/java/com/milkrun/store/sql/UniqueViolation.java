package com.milkrun.store.sql;

import java.sql.SQLException;

/** A write broke a primary key or unique constraint (SQLSTATE 23505 on both H2 and PostgreSQL). */
public final class UniqueViolation extends SqlStoreException {
    static final String SQL_STATE = "23505";

    public UniqueViolation(String message, SQLException cause) {
        super(message, cause);
    }
}
