package com.milkrun.store.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A WHERE clause built from fixed SQL fragments with {@code ?} placeholders and the values bound to them. Values
 * never become SQL text.
 */
public final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** Adds a condition, joined to the others with AND, and the values of its placeholders. */
    public Where and(String condition, Object... values) {
        long placeholders = condition.chars().filter(c -> c == '?').count();
        if (placeholders != values.length) {
            throw new IllegalArgumentException(placeholders + " placeholders but " + values.length + " values in: " + condition);
        }
        conditions.add(condition);
        params.addAll(Arrays.asList(values));
        return this;
    }

    /** {@code " WHERE a AND b"}, or nothing without conditions. */
    public String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The bound values in placeholder order, followed by {@code more}. */
    public List<Object> params(Object... more) {
        List<Object> all = new ArrayList<>(params);
        all.addAll(Arrays.asList(more));
        return all;
    }

    /** {@code "?, ?, ?"} for {@code count} values, for an IN list. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
