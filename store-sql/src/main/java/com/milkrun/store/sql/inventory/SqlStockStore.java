package com.milkrun.store.sql.inventory;

import com.milkrun.inventory.StockKey;
import com.milkrun.inventory.StockLevel;
import com.milkrun.inventory.StockStore;
import com.milkrun.shared.DomainException;
import com.milkrun.store.sql.Jdbc;
import com.milkrun.store.sql.UniqueViolation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inventory in {@code inventory}. {@link #setStock} locks the record ({@code SELECT ... FOR UPDATE}), checks what is
 * reserved and updates it in one transaction; a missing record is inserted, and if another writer inserted it first
 * (unique violation) the locked update runs instead. The table's CHECK constraints keep
 * {@code 0 <= reserved <= stock} even against writers that skip this class.
 */
public final class SqlStockStore implements StockStore {
    private static final int ATTEMPTS = 3;
    private static final String SELECT = "SELECT " + StockRows.COLUMNS + " FROM inventory";

    private final Jdbc jdbc;
    private final Clock clock;

    public SqlStockStore(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<StockLevel> get(StockKey key) {
        return jdbc.queryOne(SELECT + " WHERE vendor_id = ? AND product_id = ?", StockRows::level,
                key.vendorId(), key.productId());
    }

    @Override
    public Map<StockKey, StockLevel> getAll(Collection<StockKey> keys) {
        if (keys.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " keys per batch, got " + keys.size());
        }
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<Object> params = new ArrayList<>();
        keys.forEach(key -> {
            params.add(key.vendorId());
            params.add(key.productId());
        });
        String anyKey = String.join(" OR ", Collections.nCopies(keys.size(), "(vendor_id = ? AND product_id = ?)"));
        Map<StockKey, StockLevel> found = new LinkedHashMap<>();
        jdbc.query(SELECT + " WHERE " + anyKey, StockRows::level, params).forEach(l -> found.put(l.key(), l));
        return found;
    }

    @Override
    public StockLevel setStock(StockKey key, int stock) {
        if (stock < 0) {
            throw new IllegalArgumentException("stock must not be negative, got " + stock);
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<StockLevel> updated = updateLocked(key, stock);
            if (updated.isPresent()) {
                return updated.get();
            }
            if (insertIfAbsent(key, stock)) {
                return new StockLevel(key.vendorId(), key.productId(), stock, 0);
            }
        }
        throw new IllegalStateException("inventory record " + key + " kept appearing and disappearing");
    }

    /** Inserts a record with nothing reserved; false when another writer created the record first. */
    private boolean insertIfAbsent(StockKey key, int stock) {
        try {
            jdbc.update("INSERT INTO inventory (vendor_id, product_id, stock, reserved, updated_at, version)"
                    + " VALUES (?, ?, ?, 0, ?, 1)", key.vendorId(), key.productId(), stock, clock.instant());
            return true;
        } catch (UniqueViolation e) {
            return false;
        }
    }

    /** Sets the stock of an existing record under a row lock; empty when there is no record. */
    private Optional<StockLevel> updateLocked(StockKey key, int stock) {
        return jdbc.inTransaction(tx -> {
            Optional<StockLevel> current = tx.queryOne(SELECT + " WHERE vendor_id = ? AND product_id = ? FOR UPDATE",
                    StockRows::level, key.vendorId(), key.productId());
            if (current.isEmpty()) {
                return Optional.empty();
            }
            int reserved = current.get().reserved();
            if (stock < reserved) {
                throw DomainException.conflict("StockBelowReserved",
                        "Stock cannot be set below the " + reserved + " units already reserved for orders");
            }
            tx.update("UPDATE inventory SET stock = ?, updated_at = ?, version = version + 1"
                    + " WHERE vendor_id = ? AND product_id = ?", stock, clock.instant(), key.vendorId(), key.productId());
            return Optional.of(new StockLevel(key.vendorId(), key.productId(), stock, reserved));
        });
    }
}
