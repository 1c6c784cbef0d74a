package com.milkrun.store.dynamo.catalog;

import static com.milkrun.store.dynamo.Attr.n;
import static com.milkrun.store.dynamo.Attr.s;

import com.milkrun.catalog.Category;
import com.milkrun.catalog.Product;
import com.milkrun.catalog.ProductQuery;
import com.milkrun.catalog.ProductStore;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.store.dynamo.Batches;
import com.milkrun.store.dynamo.Keyset;
import com.milkrun.store.dynamo.Names;
import com.milkrun.store.dynamo.TableSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Products in the Products table ({@link ProductItems}). Creating is a PutItem that requires the id to be free;
 * updating is a PutItem that requires the stored version; lists query {@code vendorId-index} for one vendor and
 * {@code catalog-index} otherwise, filtering by text, category and activity in DynamoDB and by a set of vendors here.
 */
public final class DynamoProductStore implements ProductStore {
    public static final TableSpec TABLE = ProductItems.TABLE;
    private static final List<String> START_KEY = List.of("catalog", "sortKey", "productId");
    private static final Keyset<Product> CATALOG = new Keyset<>("products", Optional.of("catalog-index"), "catalog",
            START_KEY, false, ProductItems::product);
    private static final Keyset<Product> OF_VENDOR = new Keyset<>("products", Optional.of("vendorId-index"), "vendorId",
            List.of("vendorId", "sortKey", "productId"), false, ProductItems::product);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoProductStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Product create(Product product) {
        Product stored = withVersion(product, 1);
        try {
            dynamo.putItem(b -> b.tableName(table).item(ProductItems.item(stored))
                    .conditionExpression("attribute_not_exists(productId)"));
            return stored;
        } catch (ConditionalCheckFailedException e) {
            throw DomainException.conflict("Conflict", "A product with this id already exists");
        }
    }

    @Override
    public Optional<Product> get(String productId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(ProductItems.key(productId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ProductItems.product(item));
    }

    @Override
    public Map<String, Product> getAll(Collection<String> productIds) {
        if (productIds.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " ids per batch, got " + productIds.size());
        }
        List<Map<String, AttributeValue>> keys = new TreeSet<>(productIds).stream().map(ProductItems::key).toList();
        Map<String, Product> found = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : Batches.getAll(dynamo, table, keys, true)) {
            Product product = ProductItems.product(item);
            found.put(product.productId(), product);
        }
        return found;
    }

    @Override
    public Product update(Product product) {
        Product stored = withVersion(product, product.version() + 1);
        try {
            dynamo.putItem(b -> b.tableName(table).item(ProductItems.item(stored))
                    .conditionExpression("attribute_exists(productId) AND version = :expected")
                    .expressionAttributeValues(Map.of(":expected", n(product.version()))));
            return stored;
        } catch (ConditionalCheckFailedException e) {
            throw get(product.productId()).isPresent()
                    ? new ConcurrentModification("Product")
                    : DomainException.notFound("Product not found");
        }
    }

    @Override
    public Page<Product> search(ProductQuery query, PageRequest page) {
        if (query.vendorIds().map(Set::isEmpty).orElse(false)) {
            return Page.last(List.of());
        }
        Optional<String> text = query.text().filter(t -> !t.isBlank()).map(Names::key);
        String filterKey = "text=" + text.orElse("")
                + "\ncategory=" + query.category().map(Category::id).orElse("")
                + "\nvendors=" + query.vendorIds().map(ids -> String.join(",", new TreeSet<>(ids))).orElse("*")
                + "\nactiveOnly=" + query.activeOnly();
        List<String> conditions = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        text.ifPresent(t -> {
            conditions.add("(contains(nameKey, :text) OR contains(descriptionKey, :text))");
            values.put(":text", s(t));
        });
        query.category().ifPresent(category -> {
            conditions.add("category = :category");
            values.put(":category", s(category.id()));
        });
        if (query.activeOnly()) {
            conditions.add("active = :active");
            values.put(":active", AttributeValue.fromBool(true));
        }
        Optional<Set<String>> vendors = query.vendorIds();
        Keyset.Filter filter = new Keyset.Filter(
                conditions.isEmpty() ? Optional.empty() : Optional.of(String.join(" AND ", conditions)), names, values,
                item -> vendors.map(ids -> ids.contains(item.get("vendorId").s())).orElse(true));
        if (vendors.isPresent() && vendors.get().size() == 1) {
            return OF_VENDOR.page(dynamo, table, vendors.get().iterator().next(), filter, filterKey, page);
        }
        return CATALOG.page(dynamo, table, ProductItems.CATALOG, filter, filterKey, page);
    }

    private static Product withVersion(Product p, long version) {
        return new Product(p.productId(), p.vendorId(), p.name(), p.category(), p.unit(), p.price(), p.description(),
                p.imageUrl(), p.active(), p.createdAt(), p.updatedAt(), version);
    }
}
