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
 * Keyset pagination of one list ordered by a sort column and then an id column. A page fetches {@code limit + 1}
 * rows after the key in the token: the extra row only tells whether another page exists. The token holds the sort
 * key of the last row returned, written by {@link PageTokens}; OFFSET is never used.
 */
public final class SqlKeyset<T> {
    private final String list;
    private final String sortColumn;
    private final String idColumn;
    private final boolean descending;
    private final Function<T, Object> sortValue;
    private final Function<T, String> id;
    private final Function<String, Object> readSortValue;

    private SqlKeyset(String list, String sortColumn, String idColumn, boolean descending, Function<T, Object> sortValue,
                      Function<T, String> id, Function<String, Object> readSortValue) {
        this.list = list;
        this.sortColumn = sortColumn;
        this.idColumn = idColumn;
        this.descending = descending;
        this.sortValue = sortValue;
        this.id = id;
        this.readSortValue = readSortValue;
    }

    /** Newest first: by a timestamp column descending, then by the id descending. */
    public static <T> SqlKeyset<T> newestFirst(String list, String timeColumn, String idColumn,
                                               Function<T, Instant> time, Function<T, String> id) {
        return new SqlKeyset<>(list, timeColumn, idColumn, true, t -> SqlTime.micros(time.apply(t)), id, Instant::parse);
    }

    /** By a lower-case name key column, then by the id, both ascending. */
    public static <T> SqlKeyset<T> byNameKey(String list, String nameKeyColumn, String idColumn,
                                             Function<T, String> name, Function<T, String> id) {
        return new SqlKeyset<>(list, nameKeyColumn, idColumn, false, t -> nameKey(name.apply(t)), id, value -> value);
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
        List<String> key = PageTokens.decode(request.nextToken(), list, filter, 2);
        Object after;
        try {
            after = readSortValue.apply(key.get(0));
        } catch (DateTimeParseException e) {
            throw PageRequest.invalidToken();
        }
        where.and("(" + sortColumn + ", " + idColumn + ") " + (descending ? "<" : ">") + " (?, ?)", after, key.get(1));
    }

    /** {@code ORDER BY ... FETCH FIRST ? ROWS ONLY}, to append after the WHERE clause; bind {@link #fetchSize}. */
    public String orderAndLimit() {
        String direction = descending ? " DESC" : "";
        return " ORDER BY " + sortColumn + direction + ", " + idColumn + direction + " FETCH FIRST ? ROWS ONLY";
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
        String token = PageTokens.encode(list, filter, List.of(sortValue.apply(last).toString(), id.apply(last)));
        return new Page<>(items, Optional.of(token));
    }
}
