package com.milkrun.store.sql.workflow;

import com.milkrun.store.sql.SqlDatabase;
import com.milkrun.store.sql.testing.H2TestDatabase;
import com.milkrun.store.sql.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlH2WorkflowStoreTest extends SqlWorkflowStoreContract {
    @RegisterExtension
    static final H2TestDatabase DATABASE = new H2TestDatabase();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }

    @Override
    protected SqlDatabase openSecondProcess() {
        return SqlDatabase.open(DATABASE.jdbcUrl(), "sa", "", 4);
    }
}
