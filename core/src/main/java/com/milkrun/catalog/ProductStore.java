package com.milkrun.catalog;

import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.util.Optional;

/** Products. */
public interface ProductStore {
    /**
     * Stores a new product at version 1.
     *
     * @throws com.milkrun.shared.DomainException {@code Conflict} (409) when the id is taken
     */
    Product create(Product product);

    Optional<Product> get(String productId);

    /**
     * Replaces the product if the stored version equals {@code product.version()}.
     *
     * @throws com.milkrun.shared.ConcurrentModification when it does not
     */
    Product update(Product product);

    /** Lists matching products by name (case-insensitive), then id. An empty vendor set matches nothing. */
    Page<Product> search(ProductQuery query, PageRequest page);
}
