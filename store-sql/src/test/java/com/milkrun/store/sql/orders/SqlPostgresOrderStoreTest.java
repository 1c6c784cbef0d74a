package com.milkrun.store.sql.orders;

import com.milkrun.store.sql.SqlDatabase;
import com.milkrun.store.sql.testing.PostgresTestDatabase;
import com.milkrun.store.sql.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlPostgresOrderStoreTest extends SqlOrderStoreContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }

    @Override
    protected SqlDatabase openSecondProcess() {
        return SqlDatabase.open(DATABASE.jdbcUrl(), DATABASE.user(), DATABASE.password(), 4);
    }
}
