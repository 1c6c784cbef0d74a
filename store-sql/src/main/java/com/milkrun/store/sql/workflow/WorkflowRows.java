package com.milkrun.store.sql.workflow;

import com.milkrun.store.sql.SqlTime;
import com.milkrun.workflow.RunStatus;
import com.milkrun.workflow.WorkflowRun;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The columns of {@code workflow_runs}, and how its rows and runs map to each other. */
final class WorkflowRows {
    /** Every column of a run, in the order of {@link #runValues}. */
    static final String RUN_COLUMNS = "run_id, workflow, subject_id, status, current_state, state_input, attempt,"
            + " retry_counts, next_attempt_at, lease_owner, lease_until, error, cause, created_at, updated_at, version";
    /** Every column but the key and the version, each {@code = ?}, in the order of {@link #changedValues}. */
    static final String CHANGED_COLUMNS = "workflow = ?, subject_id = ?, status = ?, current_state = ?,"
            + " state_input = ?, attempt = ?, retry_counts = ?, next_attempt_at = ?, lease_owner = ?, lease_until = ?,"
            + " error = ?, cause = ?, created_at = ?, updated_at = ?";

    private WorkflowRows() {
    }

    /** The values of {@link #RUN_COLUMNS}, with the given version. */
    static List<Object> runValues(WorkflowRun r, long version) {
        return Arrays.asList(r.runId(), r.workflow(), r.subjectId(), status(r.status()), r.currentState(),
                r.stateInput(), r.attempt(), r.retryCounts(), r.nextAttemptAt(), r.leaseOwner(), r.leaseUntil(),
                r.error(), r.cause(), r.createdAt(), r.updatedAt(), version);
    }

    /** The values of {@link #CHANGED_COLUMNS}. */
    static List<Object> changedValues(WorkflowRun r) {
        return Arrays.asList(r.workflow(), r.subjectId(), status(r.status()), r.currentState(), r.stateInput(),
                r.attempt(), r.retryCounts(), r.nextAttemptAt(), r.leaseOwner(), r.leaseUntil(), r.error(), r.cause(),
                r.createdAt(), r.updatedAt());
    }

    /**
     * {@code r} at {@code version} as a read gives it back after it was written: times kept to the microsecond, as
     * both databases store them.
     */
    static WorkflowRun stored(WorkflowRun r, long version) {
        return new WorkflowRun(r.runId(), r.workflow(), r.subjectId(), r.status(), r.currentState(), r.stateInput(),
                r.attempt(), r.retryCounts(), SqlTime.micros(r.nextAttemptAt()), r.leaseOwner(),
                r.leaseUntil() == null ? null : SqlTime.micros(r.leaseUntil()), r.error(), r.cause(),
                SqlTime.micros(r.createdAt()), SqlTime.micros(r.updatedAt()), version);
    }

    /** How a status is stored: its wire name, as order statuses are. */
    static String status(RunStatus status) {
        return status.wireName();
    }

    static WorkflowRun run(ResultSet row) throws SQLException {
        String status = row.getString("status");
        return new WorkflowRun(row.getString("run_id"), row.getString("workflow"), row.getString("subject_id"),
                RunStatus.fromWireName(status).orElseThrow(() -> new IllegalStateException("unknown run status "
                        + status)),
                row.getString("current_state"), row.getString("state_input"), row.getInt("attempt"),
                row.getString("retry_counts"), SqlTime.read(row, "next_attempt_at"), row.getString("lease_owner"),
                optionalTime(row, "lease_until"), row.getString("error"), row.getString("cause"),
                SqlTime.read(row, "created_at"), SqlTime.read(row, "updated_at"), row.getLong("version"));
    }

    private static Instant optionalTime(ResultSet row, String column) throws SQLException {
        return SqlTime.readOptional(row, column).orElse(null);
    }
}
