package com.milkrun.store.sql;

import java.util.Locale;

/**
 * Case-insensitive "contains" searches with LIKE. The search text is lower-cased in Java and its wildcards escaped, so
 * {@code 100%} finds "100% Desi Ghee" only; every LIKE using {@link #contains} must say {@code ESCAPE '!'}.
 */
public final class Like {
    private Like() {
    }

    /** The pattern that matches values containing {@code text}, for {@code column LIKE ? ESCAPE '!'}. */
    public static String contains(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
