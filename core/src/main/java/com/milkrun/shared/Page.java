package com.milkrun.shared;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a list and the token for the next one, absent on the last page. */
public record Page<T>(List<T> items, Optional<String> nextToken) {
    public Page {
        items = List.copyOf(items);
        nextToken = nextToken == null ? Optional.empty() : nextToken;
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, Optional.empty());
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextToken);
    }
}
