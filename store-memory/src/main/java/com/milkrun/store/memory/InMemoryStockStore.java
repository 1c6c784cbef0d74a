package com.milkrun.store.memory;

import com.milkrun.inventory.StockKey;
import com.milkrun.inventory.StockLevel;
import com.milkrun.inventory.StockStore;
import com.milkrun.shared.DomainException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Inventory records in a concurrent map; each change is one atomic {@code compute} on the record's entry. */
public final class InMemoryStockStore implements StockStore {
    private final Map<StockKey, StockLevel> levels = new ConcurrentHashMap<>();

    @Override
    public Optional<StockLevel> get(StockKey key) {
        return Optional.ofNullable(levels.get(key));
    }

    @Override
    public Map<StockKey, StockLevel> getAll(Collection<StockKey> keys) {
        if (keys.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " keys per batch, got " + keys.size());
        }
        Map<StockKey, StockLevel> found = new LinkedHashMap<>();
        keys.forEach(key -> get(key).ifPresent(level -> found.put(key, level)));
        return found;
    }

    @Override
    public StockLevel setStock(StockKey key, int stock) {
        if (stock < 0) {
            throw new IllegalArgumentException("stock must not be negative, got " + stock);
        }
        return levels.compute(key, (k, current) -> {
            int reserved = current == null ? 0 : current.reserved();
            if (stock < reserved) {
                throw DomainException.conflict("StockBelowReserved",
                        "Stock cannot be set below the " + reserved + " units already reserved for orders");
            }
            return new StockLevel(k.vendorId(), k.productId(), stock, reserved);
        });
    }

    /** Stores a record as it is, without the rules above: for tests that need units reserved. */
    void put(StockLevel level) {
        levels.put(level.key(), level);
    }
}
