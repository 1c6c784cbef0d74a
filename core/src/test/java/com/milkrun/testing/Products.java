package com.milkrun.testing;

import com.milkrun.catalog.Category;
import com.milkrun.catalog.Product;
import java.math.BigDecimal;

/** Object Mother of dairy products. */
public final class Products {
    private Products() {
    }

    /** "Organic Milk 500ml", 500 ml at ₹50, active; not yet stored (version 0). */
    public static Product organicMilk500ml(String vendorId) {
        return new Product("prod-organic-milk-500ml", vendorId, "Organic Milk 500ml", Category.MILK, "500 ml",
                new BigDecimal("50.00"), "Fresh organic cow milk from grass-fed Gir cows",
                "https://images.milkrun.example/organic-milk-500ml.jpg", true, Times.MORNING_RUN,
                Times.minutesAfterMorningRun(1), 0);
    }

    /** "Malai Paneer 200g" at ₹90.50. */
    public static Product malaiPaneer200g(String vendorId) {
        return new Product("prod-malai-paneer-200g", vendorId, "Malai Paneer 200g", Category.PANEER, "200 g",
                new BigDecimal("90.50"), "Soft paneer made every morning", "", true, Times.MORNING_RUN,
                Times.MORNING_RUN, 0);
    }

    /** "100% Desi Ghee 1L" at ₹650, inactive (out of season); its name holds a LIKE wildcard. */
    public static Product desiGhee1l(String vendorId) {
        return new Product("prod-desi-ghee-1l", vendorId, "100% Desi Ghee 1L", Category.GHEE, "1 l",
                new BigDecimal("650.00"), "Slow-cooked bilona_ghee from A2 milk", "", false, Times.MORNING_RUN,
                Times.MORNING_RUN, 0);
    }

    /** "mango lassi" (all lower case) at ₹35. */
    public static Product mangoLassi(String vendorId) {
        return new Product("prod-mango-lassi", vendorId, "mango lassi", Category.BEVERAGES, "250 ml",
                new BigDecimal("35.00"), "Alphonso mango blended with thick curd", "", true, Times.MORNING_RUN,
                Times.MORNING_RUN, 0);
    }

    /** One of many products for list tests. */
    public static Product named(String productId, String vendorId, String name, Category category, boolean active) {
        return new Product(productId, vendorId, name, category, "1 pack", new BigDecimal("10.00"), "", "", active,
                Times.MORNING_RUN, Times.MORNING_RUN, 0);
    }
}
