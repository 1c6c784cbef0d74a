package com.milkrun.store.sql.catalog;

import com.milkrun.catalog.Category;
import com.milkrun.catalog.Product;
import com.milkrun.store.sql.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The columns of {@code products}, and how a row becomes a product. */
final class ProductRows {
    static final String PRODUCT_ID = "product_id";
    static final String VENDOR_ID = "vendor_id";
    static final String NAME = "name";
    static final String CATEGORY = "category";
    static final String UNIT = "unit";
    static final String PRICE = "price";
    static final String DESCRIPTION = "description";
    static final String IMAGE_URL = "image_url";
    static final String ACTIVE = "active";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";
    static final String VERSION = "version";
    static final String COLUMNS = "product_id, vendor_id, name, category, unit, price, description, image_url, active,"
            + " created_at, updated_at, version";

    private ProductRows() {
    }

    static Product product(ResultSet row) throws SQLException {
        return new Product(row.getString(PRODUCT_ID), row.getString(VENDOR_ID), row.getString(NAME),
                category(row.getString(CATEGORY)), row.getString(UNIT), row.getBigDecimal(PRICE),
                row.getString(DESCRIPTION), row.getString(IMAGE_URL), row.getBoolean(ACTIVE),
                SqlTime.read(row, CREATED_AT), SqlTime.read(row, UPDATED_AT), row.getLong(VERSION));
    }

    /** The product as the database will hold it: times to the microsecond, the given version. */
    static Product stored(Product p, long version) {
        return new Product(p.productId(), p.vendorId(), p.name(), p.category(), p.unit(), p.price(), p.description(),
                p.imageUrl(), p.active(), SqlTime.micros(p.createdAt()), SqlTime.micros(p.updatedAt()), version);
    }

    private static Category category(String id) {
        return Category.fromId(id)
                .orElseThrow(() -> new IllegalStateException("unknown category in table products: " + id));
    }
}
