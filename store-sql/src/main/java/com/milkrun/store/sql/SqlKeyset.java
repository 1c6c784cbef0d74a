package com.milkrun.store.sql;

import com.milkrun.shared.PageTokens;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Keyset pagination of one list ordered by a sort column and then an id column (and, for lists with several rows
 * per id, a tie column ascending). A page fetches {@code limit + 1} rows after the key in the token: the extra row
 * only tells whether another page exists. The token holds the sort key of the last row returned, written by
 * {@link PageTokens}; OFFSET is never used.
 */
public final class SqlKeyset<T> {
    private final String list;
    private final String sortColumn;
    private final String idColumn;
    private final boolean descending;
    private final Function<T, Object> sortValue;
    private final Function<T, String> id;
    private final Function<String, Object> readSortValue;
    private final String tieColumn;
    private final Function<T, String> tie;

    private SqlKeyset(String list, String sortColumn, String idColumn, boolean descending, Function<T, Object> sortValue,
                      Function<T, String> id, Function<String, Object> readSortValue, String tieColumn,
                      Function<T, String> tie) {
        this.list = list;
        this.sortColumn = sortColumn;
        this.idColumn = idColumn;
        this.descending = descending;
        this.sortValue = sortValue;
        this.id = id;
        this.readSortValue = readSortValue;
        this.tieColumn = tieColumn;
        this.tie = tie;
    }

    /** Newest first: by a timestamp column descending, then by the id descending. */
    public static <T> SqlKeyset<T> newestFirst(String list, String timeColumn, String idColumn,
                                               Function<T, Instant> time, Function<T, String> id) {
        return new SqlKeyset<>(list, timeColumn, idColumn, true, t -> SqlTime.micros(time.apply(t)), id, Instant::parse,
                null, null);
    }

    /**
     * Newest first as {@link #newestFirst}, then by a tie column ascending: for lists with several rows per id, such
     * as the lines of one order.
     */
    public static <T> SqlKeyset<T> newestFirstThen(String list, String timeColumn, String idColumn, String tieColumn,
                                                   Function<T, Instant> time, Function<T, String> id,
                                                   Function<T, String> tie) {
        return new SqlKeyset<>(list, timeColumn, idColumn, true, t -> SqlTime.micros(time.apply(t)), id, Instant::parse,
                tieColumn, tie);
    }

    /** By a lower-case name key column, then by the id, both ascending. */
    public static <T> SqlKeyset<T> byNameKey(String list, String nameKeyColumn, String idColumn,
                                             Function<T, String> name, Function<T, String> id) {
        return new SqlKeyset<>(list, nameKeyColumn, idColumn, false, t -> nameKey(name.apply(t)), id, value -> value,
                null, null);
    }

    /** The value stored in a name key column: the name in lower case (root locale), so Java and SQL agree. */
    public static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Adds "after the token's key" to {@code where} when the request continues a list. */
    public void continueAfter(Where where, String filter, PageRequest request) {
        if (request.nextToken() == null) {
            return;
        }
        List<String> key = PageTokens.decode(request.nextToken(), list, filter, tieColumn == null ? 2 : 3);
        Object after;
        try {
            after = readSortValue.apply(key.get(0));
        } catch (DateTimeParseException e) {
            throw PageRequest.invalidToken();
        }
        String pair = "(" + sortColumn + ", " + idColumn + ")";
        if (tieColumn == null) {
            where.and(pair + " " + (descending ? "<" : ">") + " (?, ?)", after, key.get(1));
        } else {
            // The first condition is an index range; the second only skips the rows of the last id already returned.
            where.and(pair + " " + (descending ? "<=" : ">=") + " (?, ?)", after, key.get(1));
            where.and("(" + pair + " <> (?, ?) OR " + tieColumn + " > ?)", after, key.get(1), key.get(2));
        }
    }

    /** {@code ORDER BY ... FETCH FIRST ? ROWS ONLY}, to append after the WHERE clause; bind {@link #fetchSize}. */
    public String orderAndLimit() {
        String direction = descending ? " DESC" : "";
        String then = tieColumn == null ? "" : ", " + tieColumn;
        return " ORDER BY " + sortColumn + direction + ", " + idColumn + direction + then + " FETCH FIRST ? ROWS ONLY";
    }

    /** How many rows to fetch for a page: one more than the limit. */
    public int fetchSize(PageRequest request) {
        return request.limit() + 1;
    }

    /** Cuts the fetched rows to the page and writes the token for the next page when there is one. */
    public Page<T> page(List<T> fetched, String filter, PageRequest request) {
        if (fetched.size() <= request.limit()) {
            return Page.last(fetched);
        }
        List<T> items = fetched.subList(0, request.limit());
        T last = items.get(items.size() - 1);
        List<String> key = tieColumn == null ? List.of(sortValue.apply(last).toString(), id.apply(last))
                : List.of(sortValue.apply(last).toString(), id.apply(last), tie.apply(last));
        String token = PageTokens.encode(list, filter, key);
        return new Page<>(items, Optional.of(token));
    }
}
