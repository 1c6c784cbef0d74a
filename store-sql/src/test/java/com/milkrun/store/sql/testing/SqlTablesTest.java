package com.milkrun.store.sql.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SqlTablesTest {
    @RegisterExtension
    static final H2TestDatabase DATABASE = new H2TestDatabase();

    @Test
    void lists_every_table_of_the_migrations_so_that_tests_start_empty() throws SQLException {
        Set<String> tables = new HashSet<>();
        try (Connection connection = DATABASE.database().dataSource().getConnection();
             ResultSet rows = connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        tables.remove("flyway_schema_history");

        assertThat(SqlTables.ALL).containsExactlyInAnyOrderElementsOf(tables);
    }
}
