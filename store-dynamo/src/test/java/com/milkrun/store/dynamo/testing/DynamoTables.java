package com.milkrun.store.dynamo.testing;

import com.milkrun.store.dynamo.TableSpec;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Fresh, empty tables on the test server, created from the stores' own table specs. */
public final class DynamoTables {
    private DynamoTables() {
    }

    /** The shared client of the test server. */
    public static DynamoDbClient client() {
        return DynamoServer.get().client();
    }

    /** Creates an empty table of {@code spec} under a name no other test uses, and answers that name. */
    public static String fresh(TableSpec spec) {
        String name = DynamoServer.uniqueTableName(spec.logicalName());
        DynamoServer.get().createTable(spec.createRequest(name));
        return name;
    }
}
