package com.milkrun.store.memory;

import com.milkrun.catalog.Category;
import com.milkrun.catalog.Product;
import com.milkrun.catalog.ProductQuery;
import com.milkrun.catalog.ProductStore;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/** Products in a map; every method holds the store's lock. */
public final class InMemoryProductStore implements ProductStore {
    private static final Keyset<Product> BY_NAME = Keyset.byName("products", Product::name, Product::productId);

    private final Map<String, Product> byId = new HashMap<>();

    @Override
    public synchronized Product create(Product product) {
        if (byId.containsKey(product.productId())) {
            throw DomainException.conflict("Conflict", "A product with this id already exists");
        }
        Product stored = withVersion(product, 1);
        byId.put(stored.productId(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Product> get(String productId) {
        return Optional.ofNullable(byId.get(productId));
    }

    @Override
    public synchronized Map<String, Product> getAll(Collection<String> productIds) {
        if (productIds.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " ids per batch, got " + productIds.size());
        }
        Map<String, Product> found = new LinkedHashMap<>();
        productIds.stream().map(byId::get).filter(Objects::nonNull).forEach(p -> found.put(p.productId(), p));
        return found;
    }

    @Override
    public synchronized Product update(Product product) {
        Product current = byId.get(product.productId());
        if (current == null) {
            throw DomainException.notFound("Product not found");
        }
        if (current.version() != product.version()) {
            throw new ConcurrentModification("Product");
        }
        Product stored = withVersion(product, product.version() + 1);
        byId.put(stored.productId(), stored);
        return stored;
    }

    @Override
    public synchronized Page<Product> search(ProductQuery query, PageRequest page) {
        Optional<String> text = Text.search(query.text());
        List<Product> matches = byId.values().stream()
                .filter(p -> text.map(t -> Text.contains(p.name(), t) || Text.contains(p.description(), t)).orElse(true))
                .filter(p -> query.category().map(c -> c == p.category()).orElse(true))
                .filter(p -> query.vendorIds().map(ids -> ids.contains(p.vendorId())).orElse(true))
                .filter(p -> !query.activeOnly() || p.active())
                .toList();
        String filter = "text=" + text.orElse("")
                + "\ncategory=" + query.category().map(Category::id).orElse("")
                + "\nvendors=" + query.vendorIds().map(ids -> String.join(",", new TreeSet<>(ids))).orElse("*")
                + "\nactiveOnly=" + query.activeOnly();
        return BY_NAME.page(matches, filter, page);
    }

    private static Product withVersion(Product p, long version) {
        return new Product(p.productId(), p.vendorId(), p.name(), p.category(), p.unit(), p.price(), p.description(),
                p.imageUrl(), p.active(), p.createdAt(), p.updatedAt(), version);
    }
}
