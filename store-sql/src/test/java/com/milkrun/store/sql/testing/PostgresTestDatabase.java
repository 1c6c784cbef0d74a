package com.milkrun.store.sql.testing;

import com.milkrun.store.sql.SqlDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL database for one test class on the server named by {@code MILKRUN_TEST_PG_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, user {@code MILKRUN_TEST_PG_USER} or {@code postgres},
 * password {@code MILKRUN_TEST_PG_PASSWORD} or {@code postgres}). It creates {@code milkrun_test_<random>}, migrates
 * it, and drops it when closed.
 *
 * <p>The database is created with a natural-language collation (ICU {@code en-US}) where the server has ICU, as
 * production databases often are, so that tests prove the stores sort by code point regardless.
 *
 * <p>When the server cannot be reached the test class is skipped with a message, unless {@code CI=true}: then it
 * fails, because CI must run every test.
 */
public final class PostgresTestDatabase extends TestDatabase {
    public static final String URL_VARIABLE = "MILKRUN_TEST_PG_URL";
    public static final String USER_VARIABLE = "MILKRUN_TEST_PG_USER";
    public static final String PASSWORD_VARIABLE = "MILKRUN_TEST_PG_PASSWORD";
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final int POOL_SIZE = 8;
    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name = "milkrun_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    /** A database on the server that the environment names. */
    public PostgresTestDatabase() {
        this(env(URL_VARIABLE).orElse(DEFAULT_URL), env(USER_VARIABLE).orElse("postgres"),
                env(PASSWORD_VARIABLE).orElse("postgres"));
    }

    /** A database on the server at {@code serverUrl}, whose user may create databases. */
    public PostgresTestDatabase(String serverUrl, String user, String password) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
    }

    /** The JDBC URL of this test's own database, for code that opens it itself. */
    public String jdbcUrl() {
        return withDatabase(serverUrl, name);
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The database's name, {@code milkrun_test_} and 16 random hex digits. */
    public String name() {
        return name;
    }

    @Override
    protected SqlDatabase open() {
        try (Connection admin = connectToServer(); Statement statement = admin.createStatement()) {
            try {
                statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'");
            } catch (SQLException noIcu) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + " on " + serverUrl, e);
        }
        return SqlDatabase.open(jdbcUrl(), user, password, POOL_SIZE);
    }

    @Override
    protected void dispose() {
        try (Connection admin = connectToServer(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }

    /**
     * {@code jdbc:postgresql://host:port/any?params} with the database replaced by {@code database}.
     *
     * @throws IllegalArgumentException for a URL that is not {@code jdbc:postgresql://...}
     */
    public static String withDatabase(String serverUrl, String database) {
        String prefix = "jdbc:postgresql://";
        if (!serverUrl.startsWith(prefix)) {
            throw new IllegalArgumentException("expected a jdbc:postgresql://host[:port]/database URL, got " + serverUrl);
        }
        int query = serverUrl.indexOf('?');
        String params = query < 0 ? "" : serverUrl.substring(query);
        String beforeQuery = query < 0 ? serverUrl : serverUrl.substring(0, query);
        int path = beforeQuery.indexOf('/', prefix.length());
        String hosts = path < 0 ? beforeQuery : beforeQuery.substring(0, path);
        return hosts + "/" + database + params;
    }

    /** Connects to the server's own database, or skips (fails under {@code CI=true}) when it cannot be reached. */
    public Connection connectToServer() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        properties.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        try {
            return DriverManager.getConnection(serverUrl, properties);
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("08")) {
                throw e;
            }
            String message = "PostgreSQL is not reachable at " + serverUrl + " (" + e.getMessage() + "). Start it, or"
                    + " point " + URL_VARIABLE + " at one.";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message + " CI=true, so the PostgreSQL tests fail instead of skipping.", e);
            }
            return Assumptions.abort(message + " Skipping the PostgreSQL tests (they fail instead under CI=true).");
        }
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(value -> !value.isBlank());
    }
}
