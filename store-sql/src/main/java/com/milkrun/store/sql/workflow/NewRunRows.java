package com.milkrun.store.sql.workflow;

import com.milkrun.shared.ConcurrentModification;
import com.milkrun.store.sql.Jdbc;
import com.milkrun.store.sql.UniqueViolation;
import com.milkrun.store.sql.Where;
import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.WorkflowRun;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a new workflow run and its first events inside a transaction someone else owns: the workflow store's own
 * {@code create}, and any store that starts a run together with its own rows (placing an order stores the order's
 * run in the same transaction). A SQL helper, not a store: it holds no connection and answers to no port.
 */
public final class NewRunRows {
    private static final String INSERT_RUN = "INSERT INTO workflow_runs (" + WorkflowRows.RUN_COLUMNS + ") VALUES ("
            + Where.placeholders(16) + ")";

    private NewRunRows() {
    }

    /**
     * Inserts {@code run} at version 0 with {@code events} numbered 1, 2, ... (one history page).
     *
     * @param tx a {@link Jdbc} inside {@link Jdbc#inTransaction}; outside one the run and its events commit apart
     * @throws ConcurrentModification when a run with that id exists; the caller's transaction must then roll back
     */
    public static void insert(Jdbc tx, WorkflowRun run, List<RunEvent> events) {
        try {
            tx.update(INSERT_RUN, WorkflowRows.runValues(run, 0).toArray());
        } catch (UniqueViolation e) {
            throw new ConcurrentModification("Workflow run " + run.runId());
        }
        if (!events.isEmpty()) {
            tx.update(HistoryPages.INSERT, HistoryPages.values(run.runId(), 1, events).toArray());
        }
    }

    /**
     * The writes that insert {@code run} at version 0 with {@code events} numbered 1, 2, ... (one history page), for
     * the caller to send with its own ({@link Jdbc#updateAll}); a run with that id existing fails them with a
     * {@link UniqueViolation}.
     */
    public static List<Jdbc.Write> writes(WorkflowRun run, List<RunEvent> events) {
        List<Jdbc.Write> writes = new ArrayList<>();
        writes.add(new Jdbc.Write(INSERT_RUN, WorkflowRows.runValues(run, 0)));
        if (!events.isEmpty()) {
            writes.add(new Jdbc.Write(HistoryPages.INSERT, HistoryPages.values(run.runId(), 1, events)));
        }
        return writes;
    }

    /**
     * Appends the events after the run's last one as one history page, numbered by its own insert; the caller holds
     * the run row's lock, so nobody else numbers events of this run meanwhile.
     */
    static void appendEvents(Jdbc tx, String runId, List<RunEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        tx.update("INSERT INTO workflow_history (" + HistoryPages.COLUMNS + ") SELECT ?, last.seq + 1, last.seq + ?, ?"
                        + " FROM (" + HistoryPages.LAST_SEQ + ") AS last",
                runId, events.size(), HistoryPages.write(events), runId);
    }
}
