package com.milkrun.store.dynamo.catalog;

import static com.milkrun.store.dynamo.Attr.bool;
import static com.milkrun.store.dynamo.Attr.n;
import static com.milkrun.store.dynamo.Attr.s;
import static com.milkrun.store.dynamo.Attr.time;

import com.milkrun.catalog.Category;
import com.milkrun.catalog.Product;
import com.milkrun.store.dynamo.Attr;
import com.milkrun.store.dynamo.Names;
import com.milkrun.store.dynamo.TableSpec;
import com.milkrun.store.dynamo.TableSpec.IndexSpec;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Products as items of the Products table. Key {@code productId}. Index {@code catalog-index}: every product under
 * {@code catalog = "product"}, sorted by {@code sortKey} (lower-case name, then id), for the shop's and the back
 * office's lists; {@code vendorId-index}: one vendor's products in the same order, for the vendor portal. The
 * lower-case {@code nameKey} and {@code descriptionKey} serve text search ({@code contains}).
 */
final class ProductItems {
    static final TableSpec TABLE = TableSpec.of("Products", "PRODUCTS_TABLE", "productId", null,
            IndexSpec.of("catalog-index", "catalog", "sortKey"), IndexSpec.of("vendorId-index", "vendorId", "sortKey"));
    static final String CATALOG = "product";

    private ProductItems() {
    }

    static Map<String, AttributeValue> key(String productId) {
        return Map.of("productId", s(productId));
    }

    static Map<String, AttributeValue> item(Product p) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("productId", s(p.productId()));
        item.put("vendorId", s(p.vendorId()));
        item.put("name", s(p.name()));
        item.put("nameKey", s(Names.key(p.name())));
        item.put("category", s(p.category().id()));
        item.put("unit", s(p.unit()));
        item.put("price", n(p.price()));
        item.put("description", s(p.description()));
        item.put("descriptionKey", s(Names.key(p.description())));
        item.put("imageUrl", s(p.imageUrl()));
        item.put("active", bool(p.active()));
        item.put("createdAt", time(p.createdAt()));
        item.put("updatedAt", time(p.updatedAt()));
        item.put("version", n(p.version()));
        item.put("catalog", s(CATALOG));
        item.put("sortKey", s(Names.sortKey(p.name(), p.productId())));
        return item;
    }

    static Product product(Map<String, AttributeValue> item) {
        String category = Attr.string(item, "category");
        return new Product(Attr.string(item, "productId"), Attr.string(item, "vendorId"), Attr.string(item, "name"),
                Category.fromId(category).orElseThrow(() -> new IllegalStateException("unknown category " + category)),
                Attr.string(item, "unit"), Attr.decimal(item, "price"), Attr.string(item, "description"),
                Attr.string(item, "imageUrl"), Attr.bool(item, "active"), Attr.time(item, "createdAt"),
                Attr.time(item, "updatedAt"), Attr.longValue(item, "version"));
    }
}
