package com.milkrun.inventory;

import java.util.Objects;

/** Identifies one inventory record: a vendor's stock of one product (the seed's Inventory table key). */
public record StockKey(String vendorId, String productId) {
    public StockKey {
        Objects.requireNonNull(vendorId, "vendorId");
        Objects.requireNonNull(productId, "productId");
    }
}
