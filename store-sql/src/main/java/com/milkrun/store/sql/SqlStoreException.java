package com.milkrun.store.sql;

import java.sql.SQLException;

/** A database call failed for a reason the stores do not expect (connection lost, bad schema, ...). */
public class SqlStoreException extends RuntimeException {
    private final String sqlState;

    public SqlStoreException(String message, SQLException cause) {
        super(message + ": " + cause.getMessage(), cause);
        this.sqlState = cause.getSQLState();
    }

    /** The SQLSTATE of the failure, such as {@code 23505}; may be null. */
    public String sqlState() {
        return sqlState;
    }
}
