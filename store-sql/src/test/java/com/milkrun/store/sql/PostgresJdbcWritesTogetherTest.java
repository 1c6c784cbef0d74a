package com.milkrun.store.sql;

import com.milkrun.store.sql.testing.PostgresTestDatabase;
import com.milkrun.store.sql.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class PostgresJdbcWritesTogetherTest extends JdbcWritesTogetherContract {
    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
