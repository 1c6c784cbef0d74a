package com.milkrun.store.sql.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.contract.WorkflowStoreContract;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.store.sql.SqlDatabase;
import com.milkrun.store.sql.SqlStoreException;
import com.milkrun.store.sql.SqlStores;
import com.milkrun.store.sql.testing.TestDatabase;
import com.milkrun.testing.Race;
import com.milkrun.testing.Runs;
import com.milkrun.testing.Times;
import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.WorkflowRun;
import com.milkrun.workflow.WorkflowStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The workflow store contract on a SQL database, and what only SQL can be asked: that a run inserted inside another
 * store's transaction goes with it, that a failing event insert rolls back the change it came with, and that two
 * processes sharing the database never both claim a run.
 */
abstract class SqlWorkflowStoreContract extends WorkflowStoreContract {
    /** The test class's database, started and emptied by its extension. */
    protected abstract TestDatabase database();

    /** A second pool on the same database, as another server process would open it. */
    protected abstract SqlDatabase openSecondProcess();

    @Override
    protected WorkflowStore store() {
        return database().stores().workflows();
    }

    @Test
    void a_run_inserted_in_another_stores_transaction_commits_and_rolls_back_with_it() {
        WorkflowRun kept = Runs.ashasFirstOrder();
        WorkflowRun dropped = Runs.forOrder("run-order-ravi", "order-ravi", Times.MORNING_RUN);

        database().database().jdbc().inTransaction(tx -> {
            NewRunRows.insert(tx, kept, Runs.started(kept));
            return null;
        });
        assertThatThrownBy(() -> database().database().jdbc().inTransaction(tx -> {
            NewRunRows.insert(tx, dropped, Runs.started(dropped));
            throw new IllegalStateException("the order ran out of stock");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(store().get(kept.runId())).contains(kept);
        assertThat(store().events(kept.runId())).extracting(RunEvent::seq).containsExactly(1L, 2L);
        assertThat(store().get(dropped.runId())).isEmpty();
        assertThat(store().events(dropped.runId())).isEmpty();
    }

    @Test
    void inserting_a_run_whose_id_exists_is_a_concurrent_modification() {
        WorkflowRun run = Runs.ashasFirstOrder();
        store().create(run, Runs.started(run));

        assertThatThrownBy(() -> database().database().jdbc().inTransaction(tx -> {
            NewRunRows.insert(tx, run, List.of());
            return null;
        })).isInstanceOf(ConcurrentModification.class);
        assertThat(store().events(run.runId())).hasSize(2);
    }

    @Test
    void an_event_that_cannot_be_written_rolls_back_the_change_it_came_with() {
        WorkflowRun run = Runs.ashasFirstOrder();
        store().create(run, Runs.started(run));
        WorkflowRun claimed = store().claim(run.runId(), "worker-1", Times.MORNING_RUN,
                Times.minutesAfterMorningRun(1)).orElseThrow();
        RunEvent tooLong = RunEvent.of("TaskSucceeded", "NotifyVendors", "x".repeat(1_000_000), Times.MORNING_RUN);

        assertThatThrownBy(() -> store().advance(claimed.enter("UpdateOrderStatus", "{}", Times.MORNING_RUN,
                Times.MORNING_RUN), List.of(RunEvent.of("TaskSucceeded", "NotifyVendors", null, Times.MORNING_RUN),
                tooLong))).isInstanceOf(SqlStoreException.class);

        assertThat(store().get(run.runId())).contains(claimed);
        assertThat(store().events(run.runId())).hasSize(2);
    }

    @Test
    void two_processes_claiming_one_run_on_one_database_never_both_get_it() {
        WorkflowRun run = Runs.ashasFirstOrder();
        store().create(run, Runs.started(run));
        try (SqlDatabase second = openSecondProcess()) {
            List<WorkflowStore> processes = List.of(store(), SqlStores.of(second, Clock.systemUTC()).workflows());

            List<Race.Outcome<Optional<WorkflowRun>>> outcomes = Race.run(16, racer -> processes.get(racer % 2)
                    .claim(run.runId(), "worker-" + racer, Times.MORNING_RUN, Times.minutesAfterMorningRun(1)));

            assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
            assertThat(outcomes.stream().map(Race.Outcome::value).flatMap(Optional::stream)).hasSize(1);
        }
        assertThat(store().get(run.runId()).orElseThrow().version()).isEqualTo(1);
    }
}
