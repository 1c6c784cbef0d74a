package com.milkrun.store.sql;

import java.util.Arrays;
import java.util.Locale;

/** The databases MilkRun runs on, told apart by the JDBC URL. The SQL is the same for both; only the schema differs. */
public enum SqlDialect {
    /** Embedded H2 2.x: a file for the local server, in memory for tests. */
    H2("jdbc:h2:", ""),
    /** PostgreSQL 15 or newer, shared by several server processes. */
    POSTGRESQL("jdbc:postgresql:", "COLLATE \"C\"");

    private final String urlPrefix;
    private final String sortCollation;

    SqlDialect(String urlPrefix, String sortCollation) {
        this.urlPrefix = urlPrefix;
        this.sortCollation = sortCollation;
    }

    /**
     * The dialect of a JDBC URL.
     *
     * @throws IllegalArgumentException for a database MilkRun does not support
     */
    public static SqlDialect fromUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> url.startsWith(d.urlPrefix)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unsupported database URL (use jdbc:h2:... or jdbc:postgresql:...): " + redact(jdbcUrl)));
    }

    /**
     * The collation that makes sort columns compare by code point, as Java and the in-memory stores do, whatever the
     * database's locale: the value of the {@code sort_collation} migration placeholder.
     */
    public String sortCollation() {
        return sortCollation;
    }

    private static String redact(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?…";
    }
}
