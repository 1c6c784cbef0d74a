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

/**
 * Inventory records in a concurrent map. Reads take no lock; every change holds the store's lock, so that the
 * in-memory order store can reserve, release or commit several records as one atomic unit.
 */
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
    public synchronized StockLevel setStock(StockKey key, int stock) {
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
    synchronized void put(StockLevel level) {
        levels.put(level.key(), level);
    }

    /**
     * Reserves {@code reserved += q} of every key, all or nothing: only when each has {@code stock - reserved >= q}.
     *
     * @return the units available of every key that has fewer than asked (0 without a record), in the order of
     *         {@code quantities}; empty when everything was reserved
     */
    synchronized Map<StockKey, Integer> reserveAll(Map<StockKey, Integer> quantities) {
        Map<StockKey, Integer> short_ = new LinkedHashMap<>();
        quantities.forEach((key, quantity) -> {
            int available = get(key).map(StockLevel::available).orElse(0);
            if (available < quantity) {
                short_.put(key, available);
            }
        });
        if (short_.isEmpty()) {
            quantities.forEach((key, quantity) -> change(key, 0, quantity));
        }
        return short_;
    }

    /** Gives reservations back, {@code reserved -= q} for every key, all or nothing. */
    synchronized void releaseAll(Map<StockKey, Integer> quantities) {
        requireReserved(quantities);
        quantities.forEach((key, quantity) -> change(key, 0, -quantity));
    }

    /** Takes reserved units off the shelf, {@code stock -= q, reserved -= q} for every key, all or nothing. */
    synchronized void commitAll(Map<StockKey, Integer> quantities) {
        requireReserved(quantities);
        quantities.forEach((key, quantity) -> change(key, -quantity, -quantity));
    }

    private void requireReserved(Map<StockKey, Integer> quantities) {
        quantities.forEach((key, quantity) -> {
            int reserved = get(key).map(StockLevel::reserved).orElse(0);
            if (reserved < quantity) {
                throw new IllegalStateException("only " + reserved + " units of " + key + " are reserved, not " + quantity);
            }
        });
    }

    private void change(StockKey key, int stockDelta, int reservedDelta) {
        StockLevel level = levels.get(key);
        levels.put(key, new StockLevel(key.vendorId(), key.productId(), level.stock() + stockDelta,
                level.reserved() + reservedDelta));
    }
}
