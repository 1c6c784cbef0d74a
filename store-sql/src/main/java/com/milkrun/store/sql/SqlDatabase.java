package com.milkrun.store.sql;

import com.milkrun.store.sql.migration.V8__Workflow_history_from_events;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * A migrated database behind a connection pool: the one entry point of the SQL adapters.
 *
 * <p>{@link #open} creates a HikariCP pool and runs the Flyway migrations in {@code classpath:db/migration} and the
 * Java ones of the {@code migration} package, named in {@link #migrate}, before returning, so every store sees the
 * current schema. Several processes may open the same PostgreSQL database at once: Flyway serialises their
 * migrations with a lock.
 *
 * <p>The JDBC URL is used exactly as given. In particular no H2 compatibility settings ({@code MODE=PostgreSQL},
 * {@code DATABASE_TO_LOWER}, {@code DEFAULT_NULL_ORDERING}) are appended: the stores' SQL is written to behave the
 * same on H2's default mode and on PostgreSQL (unquoted identifiers, no nullable sort columns, standard
 * {@code FETCH FIRST}, explicit LIKE escapes, code-point collation for sort columns), and a compatibility mode
 * would only add a second H2 behaviour to test. An in-memory H2 URL needs {@code DB_CLOSE_DELAY=-1}, or the data
 * vanishes whenever the pool happens to hold no connection.
 */
public final class SqlDatabase implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final SqlDialect dialect;
    private final Jdbc jdbc;

    private SqlDatabase(HikariDataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbc = new Jdbc(dataSource, dialect);
    }

    /**
     * Opens a pool of at most {@code maxPoolSize} connections and migrates the schema.
     *
     * @throws IllegalArgumentException for a URL that is neither H2 nor PostgreSQL
     * @throws RuntimeException when the database cannot be reached or migrated; nothing is left open then
     */
    public static SqlDatabase open(String configuredUrl, String user, String password, int maxPoolSize) {
        SqlDialect dialect = SqlDialect.fromUrl(configuredUrl);
        String jdbcUrl = durable(configuredUrl);
        HikariConfig config = new HikariConfig();
        config.setPoolName("milkrun-" + dialect.name().toLowerCase(Locale.ROOT));
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setMinimumIdle(Math.min(2, maxPoolSize));
        config.setConnectionTimeout(10_000);
        if (dialect == SqlDialect.POSTGRESQL) {
            // a batch of INSERTs (an order's lines, timeline entries, messages) travels as one multi-row INSERT
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(jdbcUrl, user, password, dialect);
            JdbcCounts.startWriting();
            return new SqlDatabase(dataSource, dialect);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * An H2 file database writes each commit to its file at once ({@code WRITE_DELAY=0}) unless the URL says
     * otherwise: H2's default holds commits back for half a second, and a {@code kill -9} in that window loses orders
     * already confirmed to their customers (and leaves their workflow runs and reservations behind).
     */
    static String durable(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:file:") && !(lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:")
                && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:"))) {
            return jdbcUrl;
        }
        return lower.contains(";write_delay=") ? jdbcUrl : jdbcUrl + ";WRITE_DELAY=0";
    }

    /** The pooled data source, for adapters and tests that need plain JDBC. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Which database this is. */
    public SqlDialect dialect() {
        return dialect;
    }

    /** The JDBC helper bound to the pool. */
    public Jdbc jdbc() {
        return jdbc;
    }

    /** Whether the database answers {@code SELECT 1} right now; for health checks. */
    public boolean ping() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT 1")) {
            return row.next() && row.getInt(1) == 1;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Closes every pooled connection. */
    @Override
    public void close() {
        dataSource.close();
    }

    /**
     * Migrates over Flyway's own connections rather than the pool's: Flyway holds two connections at once, which
     * a pool of one would never hand out. The pool, opened first, keeps an in-memory H2 database alive meanwhile.
     */
    private static void migrate(String jdbcUrl, String user, String password, SqlDialect dialect) {
        migrations(jdbcUrl, user, password, dialect).load().migrate();
    }

    /** Every migration of the schema, SQL and Java, for the database at {@code jdbcUrl}. */
    static FluentConfiguration migrations(String jdbcUrl, String user, String password, SqlDialect dialect) {
        return Flyway.configure()
                .dataSource(jdbcUrl, user, password)
                .locations("classpath:db/migration")
                .javaMigrations(new V8__Workflow_history_from_events())
                .placeholders(Map.of("sort_collation", dialect.sortCollation()))
                .failOnMissingLocations(true);
    }
}
