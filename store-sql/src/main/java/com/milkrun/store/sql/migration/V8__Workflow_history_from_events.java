package com.milkrun.store.sql.migration;

import com.milkrun.store.sql.SqlTime;
import com.milkrun.store.sql.workflow.HistoryPages;
import com.milkrun.workflow.RunEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Moves every run's history from {@code workflow_events} (one row per event) into {@code workflow_history} (V7: pages
 * of events), keeping each event's number, and drops the old table. A page holds a run's consecutive events, at most
 * {@value #PAGE_EVENTS}. Java rather than SQL because a page is JSON, written by {@link HistoryPages} as the store
 * writes it; the class name is Flyway's convention for its version (8) and description.
 */
public final class V8__Workflow_history_from_events extends BaseJavaMigration {
    static final int PAGE_EVENTS = 100;
    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement read = connection.prepareStatement("SELECT run_id, seq, type, state, detail, at"
                + " FROM workflow_events ORDER BY run_id, seq");
             PreparedStatement insert = connection.prepareStatement(HistoryPages.INSERT)) {
            read.setFetchSize(1000);
            Pages pages = new Pages(insert);
            try (ResultSet row = read.executeQuery()) {
                while (row.next()) {
                    pages.add(row.getString("run_id"), new RunEvent(row.getLong("seq"), row.getString("type"),
                            row.getString("state"), row.getString("detail"), SqlTime.read(row, "at")));
                }
            }
            pages.finish();
        }
        try (Statement drop = connection.createStatement()) {
            drop.execute("DROP TABLE workflow_events");
        }
    }

    /** Gathers events into pages and inserts them in batches. */
    private static final class Pages {
        private final PreparedStatement insert;
        private final List<RunEvent> page = new ArrayList<>();
        private String runId;
        private int batched;

        Pages(PreparedStatement insert) {
            this.insert = insert;
        }

        void add(String eventRunId, RunEvent event) throws SQLException {
            boolean continues = !page.isEmpty() && eventRunId.equals(runId) && page.size() < PAGE_EVENTS
                    && event.seq() == page.getLast().seq() + 1;
            if (!continues) {
                flush();
                runId = eventRunId;
            }
            page.add(event);
        }

        void finish() throws SQLException {
            flush();
            if (batched > 0) {
                insert.executeBatch();
            }
        }

        private void flush() throws SQLException {
            if (page.isEmpty()) {
                return;
            }
            List<Object> values = HistoryPages.values(runId, page.getFirst().seq(), page);
            for (int i = 0; i < values.size(); i++) {
                insert.setObject(i + 1, values.get(i));
            }
            insert.addBatch();
            page.clear();
            if (++batched == BATCH) {
                insert.executeBatch();
                batched = 0;
            }
        }
    }
}
