package com.milkrun.catalog;

import java.util.Arrays;
import java.util.Optional;

/** The shelves of a dairy shop. */
public enum Category {
    MILK("milk", "Milk"),
    CURD("curd", "Curd & Yogurt"),
    PANEER("paneer", "Paneer"),
    BUTTER("butter", "Butter"),
    GHEE("ghee", "Ghee"),
    CHEESE("cheese", "Cheese"),
    CREAM("cream", "Cream"),
    BEVERAGES("beverages", "Lassi & Buttermilk"),
    SWEETS("sweets", "Dairy Sweets"),
    OTHER("other", "Other");

    private final String id;
    private final String displayName;

    Category(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static Optional<Category> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
