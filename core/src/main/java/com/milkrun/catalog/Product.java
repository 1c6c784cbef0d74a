package com.milkrun.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Something a vendor sells: "Organic Milk 500ml", 500 ml, ₹50. The price is what orders charge; clients never send
 * prices. An inactive product stays on record (orders refer to it) but is not listed.
 */
public record Product(String productId, String vendorId, String name, Category category, String unit, BigDecimal price,
                      String description, String imageUrl, boolean active, Instant createdAt, Instant updatedAt,
                      long version) {
    public Product {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(vendorId, "vendorId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(price, "price");
        if (price.signum() < 0 || price.scale() > 2) {
            throw new IllegalArgumentException("price must be a non-negative amount with at most 2 decimals: " + price);
        }
        price = price.setScale(2);
        description = description == null ? "" : description;
        imageUrl = imageUrl == null ? "" : imageUrl;
    }

    public Product withChanges(String newName, Category newCategory, String newUnit, BigDecimal newPrice,
                               String newDescription, String newImageUrl, boolean newActive, Instant now) {
        return new Product(productId, vendorId, newName, newCategory, newUnit, newPrice, newDescription, newImageUrl,
                newActive, createdAt, now, version);
    }
}
