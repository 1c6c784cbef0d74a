package com.milkrun.store.memory;

import com.milkrun.shared.PageTokens;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The order of one list (a sort value, then the id as tie-breaker, then optionally a second tie-breaker) and its
 * keyset pagination: a page holds the items after the key written in the token, so a page never repeats or skips
 * items whatever was stored meanwhile.
 */
final class Keyset<T> {
    private static final String NO_TIE = "";

    private record Key(Comparable<Object> value, String id, String tie) {
    }

    private final String list;
    private final Function<T, Key> keyOf;
    private final Comparator<Key> order;
    private final Function<String, Comparable<?>> readValue;
    private final boolean hasTie;

    private Keyset(String list, Function<T, Key> keyOf, Comparator<Key> order, Function<String, Comparable<?>> readValue,
                   boolean hasTie) {
        this.list = list;
        this.keyOf = keyOf;
        this.order = order;
        this.readValue = readValue;
        this.hasTie = hasTie;
    }

    /** Newest first: by {@code time} descending, then by id descending. */
    static <T> Keyset<T> newestFirst(String list, Function<T, Instant> time, Function<T, String> id) {
        return new Keyset<>(list, t -> key(time.apply(t), id.apply(t), NO_TIE),
                Comparator.comparing(Key::value).thenComparing(Key::id).reversed(), Instant::parse, false);
    }

    /**
     * Newest first as {@link #newestFirst}, then by {@code then} ascending: for lists with several items per id, such
     * as the lines of one order.
     */
    static <T> Keyset<T> newestFirstThen(String list, Function<T, Instant> time, Function<T, String> id,
                                         Function<T, String> then) {
        return new Keyset<>(list, t -> key(time.apply(t), id.apply(t), then.apply(t)),
                Comparator.comparing(Key::value).thenComparing(Key::id).reversed().thenComparing(Key::tie),
                Instant::parse, true);
    }

    /** By name ignoring case (lower-cased in the root locale), then by id. */
    static <T> Keyset<T> byName(String list, Function<T, String> name, Function<T, String> id) {
        return new Keyset<>(list, t -> key(name.apply(t).toLowerCase(Locale.ROOT), id.apply(t), NO_TIE),
                Comparator.comparing(Key::value).thenComparing(Key::id), value -> value, false);
    }

    /**
     * Returns the page of {@code matches} that {@code request} asks for.
     *
     * @param filter the list's filter in a canonical text form; a token only continues the filter it was issued for
     */
    Page<T> page(Collection<T> matches, String filter, PageRequest request) {
        Optional<Key> after = Optional.ofNullable(request.nextToken()).map(token -> read(token, filter));
        List<T> window = matches.stream()
                .filter(t -> after.isEmpty() || order.compare(keyOf.apply(t), after.get()) > 0)
                .sorted(Comparator.comparing(keyOf, order))
                .limit(request.limit() + 1L)
                .toList();
        if (window.size() <= request.limit()) {
            return Page.last(window);
        }
        List<T> items = window.subList(0, request.limit());
        Key last = keyOf.apply(items.get(items.size() - 1));
        List<String> parts = hasTie ? List.of(last.value().toString(), last.id(), last.tie())
                : List.of(last.value().toString(), last.id());
        String token = PageTokens.encode(list, filter, parts);
        return new Page<>(items, Optional.of(token));
    }

    private Key read(String token, String filter) {
        List<String> parts = PageTokens.decode(token, list, filter, hasTie ? 3 : 2);
        try {
            return key(readValue.apply(parts.get(0)), parts.get(1), hasTie ? parts.get(2) : NO_TIE);
        } catch (DateTimeParseException e) {
            throw PageRequest.invalidToken();
        }
    }

    @SuppressWarnings("unchecked")
    private static Key key(Comparable<?> value, String id, String tie) {
        return new Key((Comparable<Object>) value, id, tie);
    }
}
