package com.milkrun.http.catalog;

import com.milkrun.catalog.Category;
import com.milkrun.catalog.ProductView;
import com.milkrun.catalog.Vendor;
import com.milkrun.http.JsonViews;
import com.milkrun.inventory.StockLevel;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of the catalog: products, stock, vendors and categories. */
public final class CatalogViews {
    private CatalogViews() {
    }

    /** A product for the public shop. */
    public static Map<String, Object> product(ProductView v) {
        Map<String, Object> m = new LinkedHashMap<>();
        var p = v.product();
        m.put("productId", p.productId());
        m.put("vendorId", p.vendorId());
        m.put("vendorName", v.vendorName());
        m.put("name", p.name());
        m.put("category", p.category().id());
        m.put("unit", p.unit());
        m.put("price", JsonViews.amount(p.price()));
        m.put("description", p.description());
        m.put("imageUrl", p.imageUrl());
        m.put("active", p.active());
        m.put("available", v.stock().available());
        m.put("inStock", v.inStock());
        return m;
    }

    /** A product for its vendor and the back office: with stock on hand and reserved. */
    public static Map<String, Object> productWithStock(ProductView v) {
        Map<String, Object> m = product(v);
        m.put("stock", v.stock().stock());
        m.put("reserved", v.stock().reserved());
        m.put("createdAt", v.product().createdAt().toString());
        m.put("updatedAt", v.product().updatedAt().toString());
        return m;
    }

    public static Map<String, Object> stock(StockLevel s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vendorId", s.vendorId());
        m.put("productId", s.productId());
        m.put("stock", s.stock());
        m.put("reserved", s.reserved());
        m.put("available", s.available());
        return m;
    }

    public static Map<String, Object> vendor(Vendor v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vendorId", v.vendorId());
        m.put("name", v.name());
        m.put("description", v.description());
        m.put("contactEmail", v.contactEmail());
        m.put("contactPhone", v.contactPhone());
        m.put("pincodes", v.pincodes());
        m.put("status", v.status().wireName());
        return m;
    }

    public static Map<String, Object> vendorBackOffice(Vendor v) {
        Map<String, Object> m = vendor(v);
        m.put("ownerUserId", v.ownerUserId());
        m.put("createdAt", v.createdAt().toString());
        m.put("updatedAt", v.updatedAt().toString());
        return m;
    }

    public static Map<String, Object> category(Category c) {
        return Map.of("id", c.id(), "name", c.displayName());
    }
}
