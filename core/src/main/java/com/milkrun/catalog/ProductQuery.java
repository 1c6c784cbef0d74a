package com.milkrun.catalog;

import java.util.Optional;
import java.util.Set;

/**
 * Filters for product lists: text matched case-insensitively against name and description, a category, the
 * vendors to include (absent means any vendor), and whether inactive products are left out.
 */
public record ProductQuery(Optional<String> text, Optional<Category> category, Optional<Set<String>> vendorIds,
                           boolean activeOnly) {
    public ProductQuery {
        vendorIds = vendorIds.map(Set::copyOf);
    }

    public static ProductQuery ofVendor(String vendorId) {
        return new ProductQuery(Optional.empty(), Optional.empty(), Optional.of(Set.of(vendorId)), false);
    }
}
