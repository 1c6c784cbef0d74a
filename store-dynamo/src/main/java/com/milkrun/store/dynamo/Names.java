package com.milkrun.store.dynamo;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Sort keys of name-ordered lists, shared by every DynamoDB store that lists things by name. */
public final class Names {
    /**
     * Between the name key and the id in a sort key: below every character a name can hold, so that
     * {@code "milk" + SEPARATOR + id} sorts before {@code "milk bread" + ...} exactly as (name key, id) does in SQL.
     */
    private static final char SEPARATOR = '\u0001';
    private static final DateTimeFormatter TIME_KEY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'").withZone(ZoneOffset.UTC);

    private Names() {
    }

    /** The name in lower case (root locale), as the SQL stores' name key column holds it. */
    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * An instant as a fixed-width UTC string (nanoseconds always written), so that string order is time order:
     * {@code Instant.toString()} drops trailing zero digits, and "...00Z" would sort after "...00.5Z".
     */
    public static String timeKey(Instant time) {
        return TIME_KEY.format(time);
    }

    /** A sort key that orders by time and then by the id, both ascending (query it backwards for newest first). */
    public static String timeSortKey(Instant time, String id) {
        return timeKey(time) + SEPARATOR + id;
    }

    /** A sort key that orders by the name key and then by the id, both by code point (DynamoDB compares UTF-8 bytes). */
    public static String sortKey(String name, String id) {
        return key(name) + SEPARATOR + id;
    }
}
