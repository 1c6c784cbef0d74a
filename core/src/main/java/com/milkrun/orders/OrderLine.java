package com.milkrun.orders;

import com.milkrun.inventory.StockKey;
import java.math.BigDecimal;
import java.util.Objects;

/** One product of an order, with the name and price the catalog had when the order was placed. */
public record OrderLine(String productId, String vendorId, String vendorName, String productName, String unit,
                        int quantity, BigDecimal unitPrice, BigDecimal totalPrice) {
    public OrderLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(vendorId, "vendorId");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(totalPrice, "totalPrice");
        vendorName = vendorName == null ? "" : vendorName;
        unit = unit == null ? "" : unit;
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }

    public static OrderLine priced(String productId, String vendorId, String vendorName, String productName, String unit,
                                   int quantity, BigDecimal unitPrice) {
        BigDecimal price = unitPrice.setScale(2);
        return new OrderLine(productId, vendorId, vendorName, productName, unit, quantity, price,
                price.multiply(BigDecimal.valueOf(quantity)).setScale(2));
    }

    public StockKey stockKey() {
        return new StockKey(vendorId, productId);
    }
}
