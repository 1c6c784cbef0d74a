package com.milkrun.store.sql.workflow;

import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.store.sql.Jdbc;
import com.milkrun.store.sql.SqlDialect;
import com.milkrun.store.sql.SqlKeyset;
import com.milkrun.store.sql.SqlStoreException;
import com.milkrun.store.sql.Where;
import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.RunQuery;
import com.milkrun.workflow.RunStatus;
import com.milkrun.workflow.WorkflowRun;
import com.milkrun.workflow.WorkflowStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs in {@code workflow_runs} and their history in {@code workflow_history}, one page of events per write
 * ({@link HistoryPages}).
 *
 * <p>A claim and an advance each turn on a single conditional UPDATE of the run's row: the claim's WHERE repeats
 * every rule of a claimable run (running, due, lease free or run out), the advance's the version read. Of two racing
 * writers the second waits for the first's row lock and then finds the condition false, so it changes nothing. A
 * claim is that one statement, answering the row it changed ({@code RETURNING} on PostgreSQL, {@code FINAL TABLE} on
 * H2): one round trip. An advance is a READ COMMITTED transaction of the UPDATE and its events' page, numbered by its
 * own insert after the run's last event while the row lock is held, so no two writers ever number events alike (on
 * PostgreSQL the UPDATE and the events' INSERT are one statement: see {@link #ADVANCE_WITH_EVENTS}); the run as
 * stored is what the UPDATE wrote, so it is not read back. A transaction the database aborts for a deadlock,
 * a serialization failure or a lock timeout runs again, a few times: it wrote nothing.
 */
public final class SqlWorkflowStore implements WorkflowStore {
    private static final int ATTEMPTS = 5;
    /**
     * SQLSTATEs of transactions worth running again: serialization failure (PostgreSQL) or deadlock (H2), deadlock
     * (PostgreSQL), lock timeout (H2) and concurrent update (H2).
     */
    private static final Set<String> TRANSIENT = Set.of("40001", "40P01", "HYT00", "90131");
    /** Runs renewed per statement, to keep the IN list short. */
    private static final int RENEW_CHUNK = 200;

    private static final SqlKeyset<WorkflowRun> RUNS = SqlKeyset.newestFirst("workflow-runs", "created_at", "run_id",
            WorkflowRun::createdAt, WorkflowRun::runId);
    private static final String RUNNING = WorkflowRows.status(RunStatus.RUNNING);
    private static final String SELECT_RUN = "SELECT " + WorkflowRows.RUN_COLUMNS + " FROM workflow_runs";
    private static final String CLAIM = "UPDATE workflow_runs SET lease_owner = ?, lease_until = ?,"
            + " version = version + 1 WHERE run_id = ? AND status = ? AND next_attempt_at <= ?"
            + " AND (lease_until IS NULL OR lease_until <= ?)";
    private static final String CLAIM_RETURNING = CLAIM + " RETURNING " + WorkflowRows.RUN_COLUMNS;
    private static final String CLAIM_FINAL_TABLE = "SELECT " + WorkflowRows.RUN_COLUMNS + " FROM FINAL TABLE ("
            + CLAIM + ")";
    private static final String ADVANCE = "UPDATE workflow_runs SET " + WorkflowRows.CHANGED_COLUMNS
            + ", version = version + 1 WHERE run_id = ? AND version = ?";

    /**
     * PostgreSQL: the advance as one statement, whose INSERT of the events' history page takes its row only from the
     * UPDATE's RETURNING, so nothing is inserted when the version did not match. The page is numbered after the run's
     * last event as of the statement's start; a writer whose UPDATE matched waited for no one who added events since
     * (every writer of events bumps the version, which would have made this UPDATE match nothing), so the numbers are
     * the next ones. Parameters after the UPDATE's: the number of events, the page, the run id.
     */
    private static final String ADVANCE_WITH_EVENTS = "WITH changed AS (" + ADVANCE + " RETURNING run_id)"
            + " INSERT INTO workflow_history (" + HistoryPages.COLUMNS + ")"
            + " SELECT changed.run_id, last.seq + 1, last.seq + ?, ? FROM changed, (" + HistoryPages.LAST_SEQ + ") AS last";

    private final Jdbc jdbc;
    private final String claim;
    private final boolean oneStatementAdvance;

    /** @param dialect which database: how a claim answers the row it changed, and whether an advance is one statement */
    public SqlWorkflowStore(Jdbc jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.claim = dialect == SqlDialect.POSTGRESQL ? CLAIM_RETURNING : CLAIM_FINAL_TABLE;
        this.oneStatementAdvance = dialect == SqlDialect.POSTGRESQL;
    }

    @Override
    public void create(WorkflowRun run, List<RunEvent> events) {
        jdbc.inTransaction(tx -> {
            NewRunRows.insert(tx, run, events);
            return null;
        });
    }

    @Override
    public Optional<WorkflowRun> get(String runId) {
        return read(jdbc, runId);
    }

    @Override
    public Optional<WorkflowRun> findBySubject(String subjectId) {
        return jdbc.queryOne(SELECT_RUN + " WHERE subject_id = ? ORDER BY created_at DESC, run_id DESC"
                + " FETCH FIRST 1 ROWS ONLY", WorkflowRows::run, subjectId);
    }

    @Override
    public List<String> due(Instant now, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        return jdbc.query("SELECT run_id FROM workflow_runs WHERE status = ? AND next_attempt_at <= ?"
                        + " AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_attempt_at, run_id"
                        + " FETCH FIRST ? ROWS ONLY",
                row -> row.getString(1), RUNNING, now, now, limit);
    }

    @Override
    public Optional<WorkflowRun> claim(String runId, String owner, Instant now, Instant leaseUntil) {
        return retrying(() -> jdbc.queryOne(claim, WorkflowRows::run, owner, leaseUntil, runId, RUNNING, now, now));
    }

    @Override
    public Optional<WorkflowRun> advance(WorkflowRun next, List<RunEvent> events) {
        List<Object> params = new ArrayList<>(WorkflowRows.changedValues(next));
        params.add(next.runId());
        params.add(next.version());
        Optional<WorkflowRun> stored = Optional.of(WorkflowRows.stored(next, next.version() + 1));
        if (oneStatementAdvance && !events.isEmpty()) {
            params.addAll(Arrays.asList(events.size(), HistoryPages.write(events), next.runId()));
            return retrying(() -> jdbc.update(ADVANCE_WITH_EVENTS, params.toArray()) == 0 ? Optional.empty() : stored);
        }
        return retrying(() -> jdbc.inTransaction(tx -> {
            if (tx.update(ADVANCE, params.toArray()) == 0) {
                return Optional.empty();
            }
            NewRunRows.appendEvents(tx, next.runId(), events);
            return stored;
        }));
    }

    @Override
    public void renew(String owner, Collection<String> runIds, Instant leaseUntil) {
        List<String> ids = List.copyOf(runIds);
        for (int from = 0; from < ids.size(); from += RENEW_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + RENEW_CHUNK));
            List<Object> params = new ArrayList<>(List.of(leaseUntil, owner, RUNNING));
            params.addAll(chunk);
            jdbc.update("UPDATE workflow_runs SET lease_until = ? WHERE lease_owner = ? AND status = ?"
                    + " AND run_id IN (" + Where.placeholders(chunk.size()) + ")", params.toArray());
        }
    }

    @Override
    public Page<WorkflowRun> list(RunQuery query, PageRequest page) {
        String filter = "status=" + query.status().map(RunStatus::wireName).orElse("")
                + "\nsubject=" + query.subjectId().orElse("");
        Where where = new Where();
        query.status().ifPresent(status -> where.and("status = ?", WorkflowRows.status(status)));
        query.subjectId().ifPresent(subject -> where.and("subject_id = ?", subject));
        RUNS.continueAfter(where, filter, page);
        String sql = SELECT_RUN + where.sql() + RUNS.orderAndLimit();
        return RUNS.page(jdbc.query(sql, WorkflowRows::run, where.params(RUNS.fetchSize(page))), filter, page);
    }

    @Override
    public List<RunEvent> events(String runId) {
        return jdbc.query("SELECT first_seq, events FROM workflow_history WHERE run_id = ? ORDER BY first_seq",
                row -> HistoryPages.read(row.getLong("first_seq"), row.getString("events")), runId)
                .stream().flatMap(List::stream).toList();
    }

    private static Optional<WorkflowRun> read(Jdbc jdbc, String runId) {
        return jdbc.queryOne(SELECT_RUN + " WHERE run_id = ?", WorkflowRows::run, runId);
    }

    private static <T> T retrying(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (SqlStoreException e) {
                if (attempt >= ATTEMPTS || e.sqlState() == null || !TRANSIENT.contains(e.sqlState())) {
                    throw e;
                }
            }
        }
    }
}
