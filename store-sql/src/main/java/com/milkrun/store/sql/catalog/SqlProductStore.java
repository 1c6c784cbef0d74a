package com.milkrun.store.sql.catalog;

import com.milkrun.catalog.Category;
import com.milkrun.catalog.Product;
import com.milkrun.catalog.ProductQuery;
import com.milkrun.catalog.ProductStore;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.store.sql.Jdbc;
import com.milkrun.store.sql.Like;
import com.milkrun.store.sql.SqlKeyset;
import com.milkrun.store.sql.UniqueViolation;
import com.milkrun.store.sql.Where;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Products in {@code products}, searched by name key through the (vendor or category, name key, id) indexes. */
public final class SqlProductStore implements ProductStore {
    private static final SqlKeyset<Product> BY_NAME =
            SqlKeyset.byNameKey("products", "name_key", "product_id", Product::name, Product::productId);
    private static final String SELECT = "SELECT " + ProductRows.COLUMNS + " FROM products";

    private final Jdbc jdbc;

    public SqlProductStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Product create(Product product) {
        Product stored = ProductRows.stored(product, 1);
        try {
            jdbc.update("INSERT INTO products (product_id, vendor_id, name, name_key, category, unit, price, description,"
                            + " image_url, active, created_at, updated_at, version)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    stored.productId(), stored.vendorId(), stored.name(), SqlKeyset.nameKey(stored.name()),
                    stored.category().id(), stored.unit(), stored.price(), stored.description(), stored.imageUrl(),
                    stored.active(), stored.createdAt(), stored.updatedAt(), stored.version());
            return stored;
        } catch (UniqueViolation e) {
            throw DomainException.conflict("Conflict", "A product with this id already exists");
        }
    }

    @Override
    public Optional<Product> get(String productId) {
        return jdbc.queryOne(SELECT + " WHERE product_id = ?", ProductRows::product, productId);
    }

    @Override
    public Map<String, Product> getAll(Collection<String> productIds) {
        if (productIds.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " ids per batch, got " + productIds.size());
        }
        if (productIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query(readAll(productIds));
    }

    /** {@link #getAll} as a read to send with others ({@link Jdbc#queryAll}); {@code productIds} not empty. */
    public Jdbc.Read<Map<String, Product>> readAll(Collection<String> productIds) {
        List<String> ids = List.copyOf(new TreeSet<>(productIds));
        return Jdbc.Read.rows(SELECT + " WHERE product_id IN (" + Where.placeholders(ids.size()) + ")", ProductRows::product,
                ids).then(products -> {
                    Map<String, Product> found = new LinkedHashMap<>();
                    products.forEach(p -> found.put(p.productId(), p));
                    return found;
                });
    }

    @Override
    public Product update(Product product) {
        Product stored = ProductRows.stored(product, product.version() + 1);
        int changed = jdbc.update("UPDATE products SET vendor_id = ?, name = ?, name_key = ?, category = ?, unit = ?,"
                        + " price = ?, description = ?, image_url = ?, active = ?, created_at = ?, updated_at = ?,"
                        + " version = ? WHERE product_id = ? AND version = ?",
                stored.vendorId(), stored.name(), SqlKeyset.nameKey(stored.name()), stored.category().id(),
                stored.unit(), stored.price(), stored.description(), stored.imageUrl(), stored.active(),
                stored.createdAt(), stored.updatedAt(), stored.version(), stored.productId(), product.version());
        if (changed == 0) {
            throw get(product.productId()).isPresent()
                    ? new ConcurrentModification("Product")
                    : DomainException.notFound("Product not found");
        }
        return stored;
    }

    @Override
    public Page<Product> search(ProductQuery query, PageRequest page) {
        if (query.vendorIds().map(ids -> ids.isEmpty()).orElse(false)) {
            return Page.last(List.of());
        }
        Optional<String> text = query.text().filter(t -> !t.isBlank()).map(t -> t.toLowerCase(Locale.ROOT));
        String filter = "text=" + text.orElse("")
                + "\ncategory=" + query.category().map(Category::id).orElse("")
                + "\nvendors=" + query.vendorIds().map(ids -> String.join(",", new TreeSet<>(ids))).orElse("*")
                + "\nactiveOnly=" + query.activeOnly();
        Where where = new Where();
        text.ifPresent(t -> where.and("(name_key LIKE ? ESCAPE '!' OR LOWER(description) LIKE ? ESCAPE '!')",
                Like.contains(t), Like.contains(t)));
        query.category().ifPresent(category -> where.and("category = ?", category.id()));
        query.vendorIds().ifPresent(ids -> where.and("vendor_id IN (" + Where.placeholders(ids.size()) + ")",
                new TreeSet<>(ids).toArray()));
        if (query.activeOnly()) {
            where.and("active = ?", true);
        }
        BY_NAME.continueAfter(where, filter, page);
        String sql = SELECT + where.sql() + BY_NAME.orderAndLimit();
        return BY_NAME.page(jdbc.query(sql, ProductRows::product, where.params(BY_NAME.fetchSize(page))), filter, page);
    }
}
