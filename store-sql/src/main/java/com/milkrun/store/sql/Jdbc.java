package com.milkrun.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The small JDBC helper of the SQL stores: prepared statements with bound values only, rows through explicit
 * {@link RowMapper}s, and transactions. Outside a transaction each call borrows a pooled connection in auto-commit
 * mode; inside {@link #inTransaction} every call uses the transaction's connection.
 *
 * <p>Bound values: {@link Instant}s become {@code TIMESTAMP WITH TIME ZONE} in UTC, truncated to the microsecond
 * that both databases keep (PostgreSQL would round instead); everything else goes to {@code setObject}.
 */
public final class Jdbc {
    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Jdbc transaction);
    }

    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final Pattern TARGET = Pattern.compile("\\s*(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM)\\s+(\\w+)",
            Pattern.CASE_INSENSITIVE);

    /** An insert, update or delete with its bound values, to be sent with others by {@link #updateAll}. */
    public record Write(String sql, List<?> params) {
        public Write {
            if (sql.contains(";")) {
                throw new IllegalArgumentException("one statement per write: " + sql);
            }
            params = Collections.unmodifiableList(new ArrayList<>(params));
        }

        /** The table the write changes: the name after {@code INSERT INTO}, {@code UPDATE} or {@code DELETE FROM}. */
        public String table() {
            Matcher m = TARGET.matcher(sql);
            if (!m.lookingAt()) {
                throw new IllegalStateException("not an insert, update or delete: " + sql);
            }
            return m.group(1);
        }

        public static Write of(String sql, Object... params) {
            return new Write(sql, Arrays.asList(params));
        }

        /**
         * One multi-row insert: {@code insertInto} ({@code INSERT INTO t (a, b)}) followed by a {@code VALUES} group
         * per row, every row as wide as the first.
         */
        public static Write rows(String insertInto, List<? extends List<?>> rows) {
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("no rows for " + insertInto);
            }
            String group = "(" + Where.placeholders(rows.get(0).size()) + ")";
            List<Object> params = new ArrayList<>();
            rows.forEach(params::addAll);
            return new Write(insertInto + " VALUES " + String.join(", ", Collections.nCopies(rows.size(), group)), params);
        }
    }

    /**
     * A query with its bound values and what its rows make, to be sent with others by {@link #queryAll}.
     *
     * @param <T> what the rows make
     */
    public static final class Read<T> {
        private final String sql;
        private final List<?> params;
        private final RowsReader<T> reader;

        private Read(String sql, List<?> params, RowsReader<T> reader) {
            if (sql.contains(";")) {
                throw new IllegalArgumentException("one statement per read: " + sql);
            }
            this.sql = sql;
            this.params = Collections.unmodifiableList(new ArrayList<>(params));
            this.reader = reader;
        }

        /** Every row, mapped. */
        public static <R> Read<List<R>> rows(String sql, RowMapper<R> mapper, List<?> params) {
            return new Read<>(sql, params, rows -> {
                List<R> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            });
        }

        /** The same query making something else of its rows. */
        public <U> Read<U> then(Function<? super T, ? extends U> finish) {
            return new Read<>(sql, params, rows -> finish.apply(reader.read(rows)));
        }

        public String sql() {
            return sql;
        }

        public List<?> params() {
            return params;
        }
    }

    /** What {@link #queryAll} read, by the {@link Read} that asked for it. */
    public static final class Results {
        private final Map<Read<?>, Object> values = new IdentityHashMap<>();

        /** What {@code read} made of its rows. */
        @SuppressWarnings("unchecked")
        public <T> T of(Read<T> read) {
            if (!values.containsKey(read)) {
                throw new IllegalArgumentException("not one of the reads: " + read.sql());
            }
            return (T) values.get(read);
        }
    }

    @FunctionalInterface
    private interface RowsReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private final DataSource dataSource;
    private final Connection transaction;
    private final boolean sendsTogether;

    /** Sends the writes of {@link #updateAll} and the reads of {@link #queryAll} one by one. */
    public Jdbc(DataSource dataSource) {
        this(dataSource, null, false);
    }

    /** On PostgreSQL, {@link #updateAll} and {@link #queryAll} send their statements together, in one round trip. */
    public Jdbc(DataSource dataSource, SqlDialect dialect) {
        this(dataSource, null, dialect == SqlDialect.POSTGRESQL);
    }

    private Jdbc(DataSource dataSource, Connection transaction, boolean sendsTogether) {
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.sendsTogether = sendsTogether;
    }

    /** Runs a query and maps every row. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return query(sql, mapper, Arrays.asList(params));
    }

    /** Runs a query and maps every row. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, List<?> params) {
        return withConnection(sql, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, params);
                counted(1);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(mapper.map(rows));
                    }
                    return result;
                }
            }
        });
    }

    /** Runs one read. */
    public <T> T query(Read<T> read) {
        return withConnection(read.sql, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(read.sql)) {
                bind(statement, read.params);
                counted(1);
                try (ResultSet rows = statement.executeQuery()) {
                    return read.reader.read(rows);
                }
            }
        });
    }

    /**
     * Runs the reads and answers what each made. On PostgreSQL they travel together as one multi-statement query,
     * one round trip, and see the database as of one moment (the statements of one query share an implicit
     * transaction when no transaction is open); elsewhere they run one by one.
     */
    public Results queryAll(List<Read<?>> reads) {
        Results results = new Results();
        if (!sendsTogether || reads.size() <= 1) {
            for (Read<?> read : reads) {
                results.values.put(read, query(read));
            }
            return results;
        }
        String together = together(reads.stream().map(Read::sql).toList());
        List<Object> params = reads.stream().<Object>flatMap(read -> read.params().stream()).toList();
        return withConnection(together, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(together)) {
                bind(statement, params);
                counted(reads.size());
                boolean rows = statement.execute();
                for (Read<?> read : reads) {
                    if (!rows) {
                        throw new IllegalStateException("a read answered no rows: " + read.sql);
                    }
                    try (ResultSet set = statement.getResultSet()) {
                        results.values.put(read, read.reader.read(set));
                    }
                    rows = statement.getMoreResults();
                }
                return results;
            }
        });
    }

    /** Runs a query expected to find at most one row. */
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row, got " + rows.size() + " for: " + sql);
        }
        return rows.stream().findFirst();
    }

    /**
     * Runs an insert, update or delete.
     *
     * @return the number of rows changed
     * @throws UniqueViolation when the write breaks a primary key or unique constraint
     */
    public int update(String sql, Object... params) {
        return withConnection(sql, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, Arrays.asList(params));
                counted(1);
                return statement.executeUpdate();
            }
        });
    }

    /** Runs the same statement once per row of values, in one batch. */
    public void batch(String sql, List<List<?>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        withConnection(sql, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (List<?> row : rows) {
                    bind(statement, row);
                    statement.addBatch();
                }
                counted(rows.size());
                return statement.executeBatch();
            }
        });
    }

    /**
     * Runs one write.
     *
     * @return the number of rows changed
     * @throws UniqueViolation when the write breaks a primary key or unique constraint; it names the table
     */
    public int update(Write write) {
        try {
            return update(write.sql(), write.params().toArray());
        } catch (UniqueViolation e) {
            throw e.inTable(write.table());
        }
    }

    /**
     * Runs the writes in their order and answers how many rows each one changed. On PostgreSQL they travel together as
     * one multi-statement query (the driver sends every statement, then waits once): one round trip however many
     * there are. Elsewhere they run one by one, with the same results. Meant for a transaction's writes whose
     * outcome is checked afterwards: the first that fails fails the call, and the transaction must then roll back.
     *
     * @throws UniqueViolation when a write breaks a primary key or unique constraint; it names the table
     */
    public int[] updateAll(List<Write> writes) {
        int[] counts = new int[writes.size()];
        if (writes.isEmpty()) {
            return counts;
        }
        if (!sendsTogether || writes.size() == 1) {
            for (int i = 0; i < writes.size(); i++) {
                counts[i] = update(writes.get(i));
            }
            return counts;
        }
        String together = together(writes.stream().map(Write::sql).toList());
        List<Object> params = writes.stream().<Object>flatMap(write -> write.params().stream()).toList();
        return withConnection(together, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(together)) {
                bind(statement, params);
                counted(writes.size());
                boolean rows = statement.execute();
                for (int i = 0; i < counts.length; i++) {
                    if (rows) {
                        throw new IllegalStateException("a write answered rows: " + writes.get(i).sql());
                    }
                    counts[i] = statement.getUpdateCount();
                    rows = statement.getMoreResults();
                }
                return counts;
            }
        });
    }

    /**
     * Updates a row, or inserts it when there is none, in portable SQL: the update runs first; when it changed no row
     * the insert runs; when a concurrent writer inserted the row in between (a {@link UniqueViolation}), the update
     * runs again. Each statement commits on its own, so call this outside {@link #inTransaction}.
     */
    public void updateOrInsert(String updateSql, Object[] updateParams, String insertSql, Object[] insertParams) {
        if (update(updateSql, updateParams) > 0) {
            return;
        }
        try {
            update(insertSql, insertParams);
        } catch (UniqueViolation e) {
            update(updateSql, updateParams);
        }
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws anything (an
     * {@link Error} too). Nested calls join the transaction already open.
     *
     * <p>The connection goes back to auto-commit only after a commit or a rollback that succeeded: switching it
     * while a transaction is open would commit that transaction, half-done work included. Otherwise it is closed as
     * it is, and the pool rolls back what is open before anyone uses it again.
     */
    public <T> T inTransaction(Work<T> work) {
        if (transaction != null) {
            return work.run(this);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            boolean ended = false;
            try {
                T result = work.run(new Jdbc(dataSource, connection, sendsTogether));
                connection.commit();
                ended = true;
                if (JdbcCounts.ENABLED) {
                    JdbcCounts.ended(true);
                }
                return result;
            } catch (RuntimeException | Error e) {
                ended = rollback(connection, e);
                if (JdbcCounts.ENABLED) {
                    JdbcCounts.ended(false);
                }
                throw e;
            } finally {
                if (ended) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw translate("transaction", e);
        }
    }

    private <T> T withConnection(String sql, ConnectionWork<T> work) {
        try {
            if (transaction != null) {
                return work.run(transaction);
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        } catch (SQLException e) {
            throw translate(sql, e);
        }
    }

    /** One multi-statement query of {@code statements}, in their order. */
    private static String together(List<String> statements) {
        return String.join(";\n", statements);
    }

    /** Counts one execution of {@code statements} statements when {@link JdbcCounts} is on. */
    private void counted(int statements) {
        if (JdbcCounts.ENABLED) {
            JdbcCounts.executed(statements, transaction != null);
        }
    }

    private static void bind(PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else if (value instanceof Instant instant) {
                statement.setObject(i + 1, OffsetDateTime.ofInstant(SqlTime.micros(instant), ZoneOffset.UTC),
                        Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    /** Rolls back; false (with the reason kept on {@code cause}) when that failed and the transaction may be open. */
    private static boolean rollback(Connection connection, Throwable cause) {
        try {
            connection.rollback();
            return true;
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
            return false;
        }
    }

    private static SqlStoreException translate(String what, SQLException e) {
        if (UniqueViolation.SQL_STATE.equals(e.getSQLState())) {
            return new UniqueViolation(what, e);
        }
        return new SqlStoreException(what, e);
    }
}
