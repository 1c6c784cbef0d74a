package com.milkrun.store.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Timestamps as both databases keep them: {@code TIMESTAMP WITH TIME ZONE}, to the microsecond. */
public final class SqlTime {
    private SqlTime() {
    }

    /** The instant as it will read back from the database. */
    public static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Reads a non-null timestamp column. */
    public static Instant read(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** Reads a nullable timestamp column. */
    public static Optional<Instant> readOptional(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getObject(column, OffsetDateTime.class)).map(OffsetDateTime::toInstant);
    }
}
