package com.milkrun.catalog;

import java.math.BigDecimal;

/** A product as a vendor sends it, before validation. Null fields are "not given" (kept as they are on an edit). */
public record ProductInput(String name, String category, String unit, BigDecimal price, String description,
                           String imageUrl, Boolean active, Integer stock) {
}
