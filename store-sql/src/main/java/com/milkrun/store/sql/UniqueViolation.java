package com.milkrun.store.sql;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** A write broke a primary key or unique constraint (SQLSTATE 23505 on both H2 and PostgreSQL). */
public final class UniqueViolation extends SqlStoreException {
    static final String SQL_STATE = "23505";

    private final String what;
    private final String table;

    public UniqueViolation(String message, SQLException cause) {
        this(message, cause, tableOf(cause));
    }

    UniqueViolation(String message, SQLException cause, String table) {
        super(message, cause);
        this.what = message;
        this.table = table == null ? null : table.toLowerCase(Locale.ROOT);
    }

    /**
     * The table whose constraint broke, in lower case, when known: PostgreSQL names it; on H2 it is known for the writes
     * of {@link Jdbc#updateAll}, which run one by one there.
     */
    public Optional<String> table() {
        return Optional.ofNullable(table);
    }

    /** This violation, naming {@code table} unless it names one already. */
    UniqueViolation inTable(String table) {
        return this.table != null ? this : new UniqueViolation(what, (SQLException) getCause(), table);
    }

    private static String tableOf(SQLException cause) {
        if (cause instanceof PSQLException postgres) {
            ServerErrorMessage server = postgres.getServerErrorMessage();
            return server == null ? null : server.getTable();
        }
        return null;
    }
}
