package com.milkrun.store.sql.orders;

import com.milkrun.contract.PlacingReadsContract;
import com.milkrun.store.sql.testing.PostgresTestDatabase;
import com.milkrun.stores.Stores;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlPostgresPlacingReadsTest extends PlacingReadsContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected Stores stores() {
        return DATABASE.stores();
    }
}
