package com.milkrun.store.sql;

import com.milkrun.store.sql.testing.H2TestDatabase;
import com.milkrun.store.sql.testing.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

class H2JdbcWritesTogetherTest extends JdbcWritesTogetherContract {
    @RegisterExtension
    static final H2TestDatabase DATABASE = new H2TestDatabase();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
