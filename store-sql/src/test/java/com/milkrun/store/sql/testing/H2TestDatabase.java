package com.milkrun.store.sql.testing;

import com.milkrun.store.sql.SqlDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** An in-memory H2 database of its own, named at random, shut down when closed. */
public final class H2TestDatabase extends TestDatabase {
    private static final int POOL_SIZE = 8;

    private final String url = "jdbc:h2:mem:milkrun_" + UUID.randomUUID().toString().replace("-", "")
            + ";DB_CLOSE_DELAY=-1";

    /** The JDBC URL of the database. */
    public String jdbcUrl() {
        return url;
    }

    @Override
    protected SqlDatabase open() {
        return SqlDatabase.open(url, "sa", "", POOL_SIZE);
    }

    @Override
    protected void dispose() {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("could not shut down " + url, e);
        }
    }
}
