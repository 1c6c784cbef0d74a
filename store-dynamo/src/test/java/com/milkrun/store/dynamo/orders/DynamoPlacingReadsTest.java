package com.milkrun.store.dynamo.orders;

import com.milkrun.contract.PlacingReadsContract;
import com.milkrun.store.dynamo.DynamoStores;
import com.milkrun.store.dynamo.DynamoTableNames;
import com.milkrun.store.dynamo.testing.DynamoServer;
import com.milkrun.store.dynamo.testing.DynamoTables;
import com.milkrun.stores.Stores;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;

class DynamoPlacingReadsTest extends PlacingReadsContract {
    private static Stores stores;

    @BeforeAll
    static void tablesOfTheirOwn() {
        DynamoTableNames names = DynamoTableNames.of(DynamoStores.TABLES, variable -> null,
                DynamoServer.uniqueTableName("placing-reads") + "-");
        DynamoStores.createMissingTables(DynamoTables.client(), names);
        // never closed: they share the test server's client
        stores = DynamoStores.of(DynamoTables.client(), names, Clock.systemUTC());
    }

    @Override
    protected Stores stores() {
        return stores;
    }
}
