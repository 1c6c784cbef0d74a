package com.milkrun.catalog;

import com.milkrun.inventory.StockLevel;

/** A product as shown to people: with its vendor's name and its current stock. */
public record ProductView(Product product, String vendorName, StockLevel stock) {
    public boolean inStock() {
        return stock.available() > 0;
    }
}
