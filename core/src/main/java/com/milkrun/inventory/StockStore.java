package com.milkrun.inventory;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Inventory records. Every change is a single conditional write, so concurrent writers can never oversell. */
public interface StockStore {
    int MAX_BATCH = 100;

    Optional<StockLevel> get(StockKey key);

    /**
     * Reads up to {@link #MAX_BATCH} records at once (one BatchGetItem on DynamoDB). Keys without a record are absent
     * from the answer.
     */
    Map<StockKey, StockLevel> getAll(Collection<StockKey> keys);

    /**
     * Sets the units on hand, creating the record with nothing reserved if there is none.
     *
     * @throws com.milkrun.shared.DomainException {@code StockBelowReserved} (409) when {@code stock} is less than the
     *         units already reserved; the record is left unchanged
     */
    StockLevel setStock(StockKey key, int stock);
}
