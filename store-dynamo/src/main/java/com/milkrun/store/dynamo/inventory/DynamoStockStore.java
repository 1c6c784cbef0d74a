package com.milkrun.store.dynamo.inventory;

import static com.milkrun.store.dynamo.Attr.n;
import static com.milkrun.store.dynamo.Attr.s;
import static com.milkrun.store.dynamo.Attr.time;

import com.milkrun.inventory.StockKey;
import com.milkrun.inventory.StockLevel;
import com.milkrun.inventory.StockStore;
import com.milkrun.shared.DomainException;
import com.milkrun.store.dynamo.Attr;
import com.milkrun.store.dynamo.Batches;
import com.milkrun.store.dynamo.TableSpec;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Inventory in the Inventory table (key {@code vendorId}, {@code productId}; attributes {@code stock},
 * {@code reserved}, {@code available}, {@code version}, {@code updatedAt}). Condition expressions cannot subtract, so
 * every write keeps {@code available = stock - reserved} beside them, and a reservation is the condition
 * {@code available >= :q}. Setting the stock is one conditional UpdateItem: it creates the record with nothing
 * reserved, or changes the stock only while {@code reserved <= stock}; reservations are made by the order store's
 * transactions on the same items.
 */
public final class DynamoStockStore implements StockStore {
    /** Inventory records, keyed as in the seed: partition {@code vendorId}, sort {@code productId}. */
    public static final TableSpec TABLE = TableSpec.of("Inventory", "INVENTORY_TABLE", "vendorId", "productId");
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public DynamoStockStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** The item key of an inventory record. */
    public static Map<String, AttributeValue> key(StockKey key) {
        return Map.of("vendorId", s(key.vendorId()), "productId", s(key.productId()));
    }

    /** Reads an inventory item. */
    public static StockLevel level(Map<String, AttributeValue> item) {
        return new StockLevel(Attr.string(item, "vendorId"), Attr.string(item, "productId"), Attr.integer(item, "stock"),
                Attr.integer(item, "reserved"));
    }

    @Override
    public Optional<StockLevel> get(StockKey key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key(key)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(level(item));
    }

    @Override
    public Map<StockKey, StockLevel> getAll(Collection<StockKey> keys) {
        if (keys.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " keys per batch, got " + keys.size());
        }
        List<Map<String, AttributeValue>> itemKeys = keys.stream().distinct().map(DynamoStockStore::key).toList();
        Map<StockKey, StockLevel> found = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : Batches.getAll(dynamo, table, itemKeys, true)) {
            StockLevel level = level(item);
            found.put(level.key(), level);
        }
        return found;
    }

    @Override
    public StockLevel setStock(StockKey key, int stock) {
        if (stock < 0) {
            throw new IllegalArgumentException("stock must not be negative, got " + stock);
        }
        try {
            Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table).key(key(key))
                    .updateExpression("SET stock = :stock, reserved = if_not_exists(reserved, :zero),"
                            + " available = :stock - if_not_exists(reserved, :zero), updatedAt = :now ADD version :one")
                    .conditionExpression("attribute_not_exists(reserved) OR reserved <= :stock")
                    .expressionAttributeValues(Map.of(":stock", n(stock), ":zero", n(0), ":one", n(1),
                            ":now", time(clock.instant())))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).attributes();
            return level(item);
        } catch (ConditionalCheckFailedException e) {
            int reserved = e.hasItem() ? Attr.integer(e.item(), "reserved")
                    : get(key).map(StockLevel::reserved).orElse(0);
            throw DomainException.conflict("StockBelowReserved",
                    "Stock cannot be set below the " + reserved + " units already reserved for orders");
        }
    }
}
