package com.milkrun.testing;

import com.milkrun.inventory.StockKey;

/** Object Mother of inventory keys: which dairy's stock of which product. */
public final class StockKeys {
    private StockKeys() {
    }

    /** Anand Dairy's organic milk. */
    public static StockKey anandOrganicMilk() {
        return new StockKey("vendor-anand", "prod-organic-milk-500ml");
    }

    /** Anand Dairy's paneer. */
    public static StockKey anandPaneer() {
        return new StockKey("vendor-anand", "prod-malai-paneer-200g");
    }

    /** Gokul Dairy's organic milk: the same product id at another vendor is another record. */
    public static StockKey gokulOrganicMilk() {
        return new StockKey("vendor-gokul", "prod-organic-milk-500ml");
    }
}
