package com.milkrun.catalog;

import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Products. */
public interface ProductStore {
    int MAX_BATCH = 100;

    /**
     * Stores a new product at version 1.
     *
     * @throws com.milkrun.shared.DomainException {@code Conflict} (409) when the id is taken
     */
    Product create(Product product);

    Optional<Product> get(String productId);

    /**
     * Reads up to {@link #MAX_BATCH} products at once (one query in SQL, one BatchGetItem on DynamoDB), active or
     * not. Ids without a product are absent from the answer.
     *
     * @throws IllegalArgumentException for more than {@link #MAX_BATCH} ids
     */
    Map<String, Product> getAll(Collection<String> productIds);

    /**
     * Replaces the product if the stored version equals {@code product.version()}.
     *
     * @throws com.milkrun.shared.ConcurrentModification when it does not
     */
    Product update(Product product);

    /** Lists matching products by name (case-insensitive), then id. An empty vendor set matches nothing. */
    Page<Product> search(ProductQuery query, PageRequest page);
}
