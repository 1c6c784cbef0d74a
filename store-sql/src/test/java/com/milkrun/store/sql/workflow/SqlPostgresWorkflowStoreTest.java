package com.milkrun.store.sql.workflow;

import com.milkrun.store.sql.SqlDatabase;
import com.milkrun.store.sql.testing.PostgresTestDatabase;
import com.milkrun.store.sql.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlPostgresWorkflowStoreTest extends SqlWorkflowStoreContract {
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
