package com.milkrun.catalog;

import com.milkrun.inventory.StockKey;
import com.milkrun.inventory.StockLevel;
import com.milkrun.inventory.StockStore;
import com.milkrun.shared.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Puts products beside their vendor's name and current stock, reading the stock of a whole page at once. */
public final class ProductViews {
    private final StockStore stock;

    public ProductViews(StockStore stock) {
        this.stock = stock;
    }

    /** A page of products as views; {@code vendorOf} names each product's vendor (null when unknown). */
    public Page<ProductView> of(Page<Product> page, Function<String, Vendor> vendorOf) {
        List<StockKey> keys = page.items().stream().map(p -> new StockKey(p.vendorId(), p.productId())).toList();
        Map<StockKey, StockLevel> levels = keys.isEmpty() ? Map.of() : stock.getAll(keys);
        List<ProductView> views = new ArrayList<>();
        for (Product p : page.items()) {
            StockKey key = new StockKey(p.vendorId(), p.productId());
            Vendor vendor = vendorOf.apply(p.vendorId());
            views.add(new ProductView(p, vendor == null ? "" : vendor.name(), levels.getOrDefault(key, StockLevel.none(key))));
        }
        return new Page<>(views, page.nextToken());
    }

    public ProductView of(Product product, String vendorName) {
        StockKey key = new StockKey(product.vendorId(), product.productId());
        return new ProductView(product, vendorName, stock.get(key).orElse(StockLevel.none(key)));
    }
}
