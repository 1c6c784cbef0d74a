package com.milkrun.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Walks a paginated list by following its tokens, checking the page contract on every page. */
public final class Paging {
    private static final int MAX_PAGES = 1_000;

    private Paging() {
    }

    /**
     * Lists every page with the given limit and returns all items in the order seen. Fails if a page is larger than
     * the limit, or if a token leads to an empty page (a token must only be given when more items exist).
     */
    public static <T> List<T> walk(Function<PageRequest, Page<T>> list, int limit) {
        List<T> all = new ArrayList<>();
        String token = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            Page<T> page = list.apply(new PageRequest(limit, token));
            assertThat(page.items()).as("page %d", pages + 1).hasSizeLessThanOrEqualTo(limit);
            if (token != null) {
                assertThat(page.items()).as("page %d, reached through a token", pages + 1).isNotEmpty();
            }
            all.addAll(page.items());
            if (page.nextToken().isEmpty()) {
                return all;
            }
            token = page.nextToken().get();
        }
        throw new AssertionError("the list did not end within " + MAX_PAGES + " pages");
    }

    /** The number of pages that {@link #walk} would visit. */
    public static <T> int countPages(Function<PageRequest, Page<T>> list, int limit) {
        int pages = 1;
        Page<T> page = list.apply(PageRequest.first(limit));
        while (page.nextToken().isPresent() && pages < MAX_PAGES) {
            page = list.apply(new PageRequest(limit, page.nextToken().get()));
            pages++;
        }
        return pages;
    }
}
