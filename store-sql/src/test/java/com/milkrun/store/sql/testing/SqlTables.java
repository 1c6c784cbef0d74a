package com.milkrun.store.sql.testing;

import com.milkrun.store.sql.SqlDatabase;
import com.milkrun.store.sql.SqlDialect;
import java.util.List;

/** Every table of the schema, children before their parents, and how to empty them all between tests. */
public final class SqlTables {
    /** The tables of the migrations, children first; {@code SqlTablesTest} checks that none is missing. */
    public static final List<String> ALL = List.of("user_addresses", "users", "credentials", "one_time_codes",
            "refresh_sessions", "signing_keys", "email_deliveries", "notifications", "vendor_pincodes", "vendors",
            "products", "inventory", "order_lines", "order_events", "vendor_decisions", "orders", "idempotency_keys",
            "customer_stats", "customer_day_orders", "customer_day_units", "workflow_history", "workflow_runs");

    private SqlTables() {
    }

    /** Deletes every row of every table: one TRUNCATE on PostgreSQL, DELETEs in order on H2. */
    public static void clear(SqlDatabase database) {
        if (database.dialect() == SqlDialect.POSTGRESQL) {
            database.jdbc().update("TRUNCATE TABLE " + String.join(", ", ALL));
        } else {
            ALL.forEach(table -> database.jdbc().update("DELETE FROM " + table));
        }
    }
}
