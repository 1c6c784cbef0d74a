package com.milkrun.store.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.store.sql.testing.PostgresTestDatabase;
import com.milkrun.testing.Runs;
import com.milkrun.testing.Times;
import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.WorkflowRun;
import com.milkrun.workflow.WorkflowStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * V8 moves a database's history from one row per event into pages (V7), on both databases: every event keeps its
 * number, type, state, detail and time, a run's consecutive events share a page of at most 100, the old table goes,
 * and the store goes on numbering after the events it moved.
 */
class WorkflowHistoryMigrationTest {
    private static final Instant AT = Instant.parse("2026-12-06T05:30:00.123456Z");

    @Test
    void moves_every_event_into_pages_on_h2() throws SQLException {
        String url = "jdbc:h2:mem:history-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        movesEveryEventIntoPages(url, "sa", "", SqlDialect.H2);
    }

    @Test
    void moves_every_event_into_pages_on_postgresql() throws SQLException {
        PostgresTestDatabase server = new PostgresTestDatabase();
        String name = server.name();
        try (Connection admin = server.connectToServer(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        try {
            movesEveryEventIntoPages(server.jdbcUrl(), server.user(), server.password(), SqlDialect.POSTGRESQL);
        } finally {
            try (Connection admin = server.connectToServer(); Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private static void movesEveryEventIntoPages(String url, String user, String password, SqlDialect dialect)
            throws SQLException {
        SqlDatabase.migrations(url, user, password, dialect).target("7").load().migrate();
        List<RunEvent> asha = List.of(
                new RunEvent(1, "RunStarted", null, "{\"orderId\":\"order-asha\",\"note\":\"\\\"doorbell\\\" ₹\"}", AT),
                new RunEvent(2, "StateEntered", "NotifyVendors", null, AT.plusMillis(1)),
                new RunEvent(3, "TaskSucceeded", "NotifyVendors", "{}", AT.plusMillis(2)));
        List<RunEvent> ravi = LongStream.rangeClosed(1, 150)
                .mapToObj(seq -> new RunEvent(seq, "RetryScheduled", "NotifyCustomer", "{\"attempt\":" + seq + "}",
                        AT.plusSeconds(seq)))
                .toList();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            insertOldRun(connection, "run-asha", asha);
            insertOldRun(connection, "run-ravi", ravi);
        }

        try (SqlDatabase database = SqlDatabase.open(url, user, password, 2)) {
            WorkflowStore store = SqlStores.of(database, Clock.systemUTC()).workflows();
            assertThat(store.events("run-asha")).containsExactlyElementsOf(asha);
            assertThat(store.events("run-ravi")).containsExactlyElementsOf(ravi);
            assertThat(database.jdbc().query("SELECT run_id, first_seq, last_seq FROM workflow_history"
                            + " ORDER BY run_id, first_seq",
                    row -> row.getString(1) + " " + row.getLong(2) + "-" + row.getLong(3)))
                    .containsExactly("run-asha 1-3", "run-ravi 1-100", "run-ravi 101-150");
            assertThatThrownBy(() -> database.jdbc().query("SELECT COUNT(*) FROM workflow_events",
                    row -> row.getLong(1))).isInstanceOf(SqlStoreException.class);

            WorkflowRun claimed = store.claim("run-asha", "worker-1", Times.MORNING_RUN,
                    Times.minutesAfterMorningRun(1)).orElseThrow();
            store.advance(claimed.enter("UpdateOrderStatus", "{}", Times.MORNING_RUN, Times.MORNING_RUN),
                    List.of(RunEvent.of("StateEntered", "UpdateOrderStatus", "{}", Times.MORNING_RUN)));
            assertThat(store.events("run-asha")).extracting(RunEvent::seq).containsExactly(1L, 2L, 3L, 4L);
        }
    }

    /** A run and its events as V3 to V7 kept them: one row per event. */
    private static void insertOldRun(Connection connection, String runId, List<RunEvent> events) throws SQLException {
        WorkflowRun run = Runs.forOrder(runId, "order-" + runId, Times.MORNING_RUN);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO workflow_runs (run_id, workflow,"
                + " subject_id, status, current_state, state_input, attempt, retry_counts, next_attempt_at,"
                + " created_at, updated_at, version) VALUES (?, ?, ?, 'Running', ?, ?, 0, '{}', ?, ?, ?, 0)")) {
            insert.setString(1, run.runId());
            insert.setString(2, run.workflow());
            insert.setString(3, run.subjectId());
            insert.setString(4, run.currentState());
            insert.setString(5, run.stateInput());
            insert.setObject(6, run.nextAttemptAt().atOffset(ZoneOffset.UTC));
            insert.setObject(7, run.createdAt().atOffset(ZoneOffset.UTC));
            insert.setObject(8, run.updatedAt().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        List<RunEvent> shuffled = new ArrayList<>(events);
        Collections.reverse(shuffled); // stored in any order; read back by number
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO workflow_events (run_id, seq, type,"
                + " state, detail, at) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (RunEvent e : shuffled) {
                insert.setString(1, runId);
                insert.setLong(2, e.seq());
                insert.setString(3, e.type());
                insert.setString(4, e.state());
                insert.setString(5, e.detail());
                insert.setObject(6, e.at().atOffset(ZoneOffset.UTC));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
