package com.milkrun.store.sql.orders;

import com.milkrun.contract.PlacingReadsContract;
import com.milkrun.store.sql.testing.H2TestDatabase;
import com.milkrun.stores.Stores;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlH2PlacingReadsTest extends PlacingReadsContract {
    @RegisterExtension
    static final H2TestDatabase DATABASE = new H2TestDatabase();

    @Override
    protected Stores stores() {
        return DATABASE.stores();
    }
}
