package com.milkrun.store.memory;

import java.util.Locale;
import java.util.Optional;

/** Case rules shared by the in-memory stores: emails and search text compare in lower case (root locale). */
final class Text {
    private Text() {
    }

    static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    /** The search text of a query in lower case, absent when blank. */
    static Optional<String> search(Optional<String> text) {
        return text.filter(t -> !t.isBlank()).map(Text::lower);
    }

    /** Whether {@code value} contains the lower-case {@code search}, ignoring case. */
    static boolean contains(String value, String search) {
        return lower(value).contains(search);
    }
}
