package com.milkrun.store.dynamo.inventory;

import static com.milkrun.store.dynamo.Attr.n;

import com.milkrun.contract.StockStoreContract;
import com.milkrun.inventory.StockKey;
import com.milkrun.inventory.StockStore;
import com.milkrun.store.dynamo.testing.DynamoTables;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoStockStoreTest extends StockStoreContract {
    // The order store's transactions reserve with the same attributes (stock, reserved, available).
    private String table;
    private StockStore store;

    @BeforeEach
    void freshStore() {
        table = DynamoTables.fresh(DynamoStockStore.TABLE);
        store = new DynamoStockStore(DynamoTables.client(), table, Clock.systemUTC());
    }

    @Override
    protected StockStore store() {
        return store;
    }

    @Override
    protected void seedReserved(StockKey key, int stock, int reserved) {
        Map<String, AttributeValue> item = new HashMap<>(DynamoStockStore.key(key));
        item.put("stock", n(stock));
        item.put("reserved", n(reserved));
        item.put("available", n(stock - reserved));
        item.put("version", n(1));
        DynamoTables.client().putItem(b -> b.tableName(table).item(item));
    }
}
