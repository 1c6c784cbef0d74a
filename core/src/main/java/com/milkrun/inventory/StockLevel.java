package com.milkrun.inventory;

/** How many units a vendor holds of a product and how many of them are promised to orders. */
public record StockLevel(String vendorId, String productId, int stock, int reserved) {
    public StockLevel {
        if (stock < 0 || reserved < 0 || reserved > stock) {
            throw new IllegalArgumentException("inventory must satisfy 0 <= reserved <= stock, got stock=" + stock + " reserved=" + reserved);
        }
    }

    public static StockLevel none(StockKey key) {
        return new StockLevel(key.vendorId(), key.productId(), 0, 0);
    }

    public StockKey key() {
        return new StockKey(vendorId, productId);
    }

    public int available() {
        return stock - reserved;
    }
}
