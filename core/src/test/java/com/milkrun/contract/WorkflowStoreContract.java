package com.milkrun.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.PageRequest;
import com.milkrun.testing.Race;
import com.milkrun.testing.Runs;
import com.milkrun.testing.Times;
import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.RunQuery;
import com.milkrun.workflow.RunStatus;
import com.milkrun.workflow.WorkflowRun;
import com.milkrun.workflow.WorkflowStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link WorkflowStore}: each change of a run is a compare-and-set on its version, written
 * atomically with its events, so that of many processes racing on one run exactly one change lands; claims respect
 * leases; due runs come oldest due first; runs list newest first across pages.
 */
public abstract class WorkflowStoreContract {
    private static final Comparator<WorkflowRun> NEWEST_FIRST =
            Comparator.comparing(WorkflowRun::createdAt).thenComparing(WorkflowRun::runId).reversed();
    private static final Instant NOW = Times.MORNING_RUN;

    /** A store with no runs, the same instance for the whole test. */
    protected abstract WorkflowStore store();

    @Test
    void creates_a_run_at_version_0_and_reads_back_every_field_and_its_first_events() {
        WorkflowRun run = Runs.ashasFirstOrder();

        store().create(run, Runs.started(run));

        WorkflowRun stored = store().get("run-order-asha-first").orElseThrow();
        assertThat(stored).isEqualTo(run);
        assertThat(stored.version()).isZero();
        assertThat(stored.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(store().events("run-order-asha-first")).containsExactly(
                new RunEvent(1, "RunStarted", null, "{\"orderId\":\"order-asha-first\"}", NOW),
                new RunEvent(2, "StateEntered", "NotifyVendors", "{\"orderId\":\"order-asha-first\"}", NOW));
    }

    @Test
    void keeps_every_optional_field_and_a_large_state_input_exactly() {
        String input = "{\"orderId\":\"order-asha-first\",\"note\":\"" + "दूध ".repeat(25_000) + "\"}";
        WorkflowRun run = new WorkflowRun("run-order-asha-first", Runs.ORDER_PROCESSING, "order-asha-first",
                RunStatus.RUNNING, "UpdateOrderStatus", input, 2, "{\"0\":2,\"1\":1}",
                Times.minutesAfterMorningRun(3), "worker-anand-1", Times.minutesAfterMorningRun(4),
                "States.TaskFailed", "the vendor's mail server said 451", NOW, Times.minutesAfterMorningRun(1), 0);

        store().create(run, List.of());

        assertThat(store().get(run.runId())).contains(run);
        assertThat(store().events(run.runId())).isEmpty();
    }

    @Test
    void answers_nothing_for_an_unknown_run() {
        WorkflowRun unknown = Runs.ashasFirstOrder();

        assertThat(store().get("run-nobody")).isEmpty();
        assertThat(store().findBySubject("order-nobody")).isEmpty();
        assertThat(store().events("run-nobody")).isEmpty();
        assertThat(store().claim("run-nobody", "worker-1", NOW, NOW.plusSeconds(30))).isEmpty();
        assertThat(store().advance(unknown, List.of(RunEvent.of("StateEntered", "X", null, NOW)))).isEmpty();
        assertThat(store().get(unknown.runId())).isEmpty();
        assertThat(store().due(NOW, 10)).isEmpty();
    }

    @Test
    void rejects_a_second_run_with_the_same_id_and_keeps_the_first() {
        WorkflowRun first = Runs.ashasFirstOrder();
        store().create(first, Runs.started(first));
        WorkflowRun clash = Runs.forOrder(first.runId(), "order-ravi", Times.minutesAfterMorningRun(5));

        assertThatThrownBy(() -> store().create(clash, Runs.started(clash)))
                .isInstanceOf(ConcurrentModification.class);

        assertThat(store().get(first.runId())).contains(first);
        assertThat(store().events(first.runId())).hasSize(2);
        assertThat(store().findBySubject("order-ravi")).isEmpty();
    }

    @Test
    void claims_a_due_running_run_setting_the_lease_and_bumping_the_version() {
        WorkflowRun run = Runs.ashasFirstOrder();
        store().create(run, Runs.started(run));
        Instant until = NOW.plusSeconds(30);

        WorkflowRun claimed = store().claim(run.runId(), "worker-anand-1", NOW, until).orElseThrow();

        assertThat(claimed).isEqualTo(withVersion(run.leasedTo("worker-anand-1", until), 1));
        assertThat(store().get(run.runId())).contains(claimed);
        assertThat(store().events(run.runId())).hasSize(2);
    }

    @Test
    void does_not_claim_a_run_before_it_is_due() {
        WorkflowRun run = Runs.forOrder("run-later", "order-later", NOW);
        WorkflowRun later = run.retryAt(Times.minutesAfterMorningRun(2), 1, "{\"0\":1}", NOW);
        store().create(later, List.of());

        assertThat(store().claim("run-later", "worker-1", Times.minutesAfterMorningRun(1), NOW.plusSeconds(90)))
                .isEmpty();
        assertThat(store().get("run-later")).contains(later);

        assertThat(store().claim("run-later", "worker-1", Times.minutesAfterMorningRun(2),
                Times.minutesAfterMorningRun(3))).isPresent();
    }

    @Test
    void does_not_claim_a_run_another_process_holds_until_its_lease_runs_out() {
        WorkflowRun run = Runs.ashasFirstOrder();
        store().create(run, List.of());
        Instant firstLease = Times.minutesAfterMorningRun(1);
        WorkflowRun held = store().claim(run.runId(), "worker-1", NOW, firstLease).orElseThrow();

        assertThat(store().claim(run.runId(), "worker-2", NOW.plusSeconds(59), Times.minutesAfterMorningRun(2)))
                .isEmpty();
        assertThat(store().get(run.runId())).contains(held);

        WorkflowRun taken = store().claim(run.runId(), "worker-2", firstLease, Times.minutesAfterMorningRun(2))
                .orElseThrow();
        assertThat(taken.leaseOwner()).isEqualTo("worker-2");
        assertThat(taken.leaseUntil()).isEqualTo(Times.minutesAfterMorningRun(2));
        assertThat(taken.version()).isEqualTo(2);
    }

    @Test
    void does_not_claim_an_ended_run() {
        for (RunStatus ended : List.of(RunStatus.SUCCEEDED, RunStatus.FAILED, RunStatus.ABORTED)) {
            WorkflowRun run = Runs.forOrder("run-" + ended.wireName(), "order-" + ended.wireName(), NOW)
                    .end(ended, null, null, NOW);
            store().create(run, List.of());

            assertThat(store().claim(run.runId(), "worker-1", Times.minutesAfterMorningRun(5),
                    Times.minutesAfterMorningRun(6))).as("%s", ended).isEmpty();
            assertThat(store().get(run.runId())).as("%s", ended).contains(run);
        }
    }

    @Test
    void advances_a_run_storing_every_field_bumping_the_version_and_appending_its_events() {
        WorkflowRun claimed = createAndClaim(Runs.ashasFirstOrder(), "worker-1");
        Instant later = NOW.plusSeconds(5);
        WorkflowRun next = claimed.enter("UpdateOrderStatus", "{\"orderId\":\"order-asha-first\",\"sent\":2}", later,
                later);
        List<RunEvent> events = List.of(
                RunEvent.of("TaskSucceeded", "NotifyVendors", "{\"output\":{\"sent\":2}}", later),
                RunEvent.of("StateEntered", "UpdateOrderStatus", null, later));

        WorkflowRun stored = store().advance(next, events).orElseThrow();

        assertThat(stored).isEqualTo(withVersion(next, 2));
        assertThat(store().get(next.runId())).contains(stored);
        assertThat(store().events(next.runId())).extracting(RunEvent::seq, RunEvent::type)
                .containsExactly(tuple(1L, "RunStarted"), tuple(2L, "StateEntered"), tuple(3L, "TaskSucceeded"),
                        tuple(4L, "StateEntered"));
        assertThat(store().events(next.runId()).subList(2, 4)).containsExactly(
                new RunEvent(3, "TaskSucceeded", "NotifyVendors", "{\"output\":{\"sent\":2}}", later),
                new RunEvent(4, "StateEntered", "UpdateOrderStatus", null, later));
    }

    @Test
    void refuses_a_stale_version_and_writes_neither_the_run_nor_its_events() {
        WorkflowRun claimed = createAndClaim(Runs.ashasFirstOrder(), "worker-1");
        WorkflowRun stale = withVersion(claimed, 0).end(RunStatus.FAILED, "States.TaskFailed", "stale", NOW);
        WorkflowRun ahead = withVersion(claimed, 5).end(RunStatus.FAILED, "States.TaskFailed", "ahead", NOW);

        assertThat(store().advance(stale, List.of(RunEvent.of("RunFailed", "NotifyVendors", null, NOW)))).isEmpty();
        assertThat(store().advance(ahead, List.of(RunEvent.of("RunFailed", "NotifyVendors", null, NOW)))).isEmpty();

        assertThat(store().get(claimed.runId())).contains(claimed);
        assertThat(store().events(claimed.runId())).extracting(RunEvent::type)
                .containsExactly("RunStarted", "StateEntered");
    }

    @Test
    void a_claim_after_the_lease_ran_out_makes_the_former_holders_advance_fail() {
        WorkflowRun mine = createAndClaim(Runs.ashasFirstOrder(), "worker-1");
        Instant afterLease = NOW.plusSeconds(30);
        store().claim(mine.runId(), "worker-2", afterLease, afterLease.plusSeconds(30)).orElseThrow();

        assertThat(store().advance(mine.end(RunStatus.SUCCEEDED, null, null, afterLease),
                List.of(RunEvent.of("RunSucceeded", "NotifyVendors", null, afterLease)))).isEmpty();

        assertThat(store().get(mine.runId()).orElseThrow().leaseOwner()).isEqualTo("worker-2");
        assertThat(store().get(mine.runId()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    }

    @Test
    void numbers_events_on_from_the_last_across_several_advances() {
        WorkflowRun run = createAndClaim(Runs.ashasFirstOrder(), "worker-1");
        List<String> types = new ArrayList<>(List.of("RunStarted", "StateEntered"));

        for (int step = 1; step <= 4; step++) {
            Instant at = NOW.plusSeconds(step);
            List<RunEvent> events = new ArrayList<>();
            for (int e = 0; e < step - 1; e++) {
                events.add(RunEvent.of("Step" + step + "Event" + e, "State" + step, null, at));
                types.add("Step" + step + "Event" + e);
            }
            run = store().advance(run.retryAt(at, step, "{}", at), events).orElseThrow();
        }

        List<RunEvent> history = store().events(run.runId());
        assertThat(history).extracting(RunEvent::type).containsExactlyElementsOf(types);
        assertThat(history).extracting(RunEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(run.version()).isEqualTo(5);
    }

    @Test
    void keeps_the_histories_of_runs_apart() {
        WorkflowRun asha = Runs.ashasFirstOrder();
        WorkflowRun ravi = Runs.forOrder("run-order-ravi", "order-ravi", NOW);
        store().create(asha, Runs.started(asha));
        store().create(ravi, List.of(RunEvent.of("RunStarted", null, null, NOW)));

        store().advance(asha, List.of(RunEvent.of("WaitStarted", "NotifyVendors", null, NOW))).orElseThrow();

        assertThat(store().events(ravi.runId())).containsExactly(new RunEvent(1, "RunStarted", null, null, NOW));
        assertThat(store().events(asha.runId())).extracting(RunEvent::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void renews_only_the_leases_the_owner_still_holds_on_running_runs_without_changing_versions() {
        WorkflowRun mine = createAndClaim(Runs.forOrder("run-mine", "order-mine", NOW), "worker-1");
        WorkflowRun theirs = createAndClaim(Runs.forOrder("run-theirs", "order-theirs", NOW), "worker-2");
        WorkflowRun ended = Runs.forOrder("run-ended", "order-ended", NOW)
                .end(RunStatus.SUCCEEDED, null, null, NOW).leasedTo("worker-1", NOW.plusSeconds(30));
        store().create(ended, List.of());
        Instant until = Times.minutesAfterMorningRun(10);

        store().renew("worker-1", List.of("run-mine", "run-theirs", "run-ended", "run-nobody"), until);

        assertThat(store().get("run-mine")).contains(mine.leasedTo("worker-1", until));
        assertThat(store().get("run-theirs")).contains(theirs);
        assertThat(store().get("run-ended")).contains(ended);
        store().renew("worker-1", List.of(), until);
        assertThat(store().get("run-mine").orElseThrow().version()).isEqualTo(mine.version());
    }

    @Test
    void a_renewed_lease_keeps_other_processes_from_claiming() {
        WorkflowRun mine = createAndClaim(Runs.ashasFirstOrder(), "worker-1");
        store().renew("worker-1", List.of(mine.runId()), Times.minutesAfterMorningRun(5));

        assertThat(store().claim(mine.runId(), "worker-2", Times.minutesAfterMorningRun(1),
                Times.minutesAfterMorningRun(2))).isEmpty();
        assertThat(store().due(Times.minutesAfterMorningRun(1), 10)).isEmpty();
        assertThat(store().advance(mine, List.of())).isPresent();
    }

    @Test
    void lists_due_runs_oldest_due_first_then_by_id_up_to_the_limit() {
        Instant now = Times.minutesAfterMorningRun(10);
        createDue("run-b", Times.minutesAfterMorningRun(3));
        createDue("run-a", Times.minutesAfterMorningRun(3));
        createDue("run-c", Times.minutesAfterMorningRun(1));
        createDue("run-d", now);
        createDue("run-e", Times.minutesAfterMorningRun(2));

        assertThat(store().due(now, 10)).containsExactly("run-c", "run-e", "run-a", "run-b", "run-d");
        assertThat(store().due(now, 2)).containsExactly("run-c", "run-e");
        assertThat(store().due(Times.minutesAfterMorningRun(2), 10)).containsExactly("run-c", "run-e");
    }

    @Test
    void leaves_out_runs_not_yet_due_ended_or_held_by_a_lease_that_still_runs() {
        Instant now = Times.minutesAfterMorningRun(10);
        createDue("run-due", Times.minutesAfterMorningRun(1));
        createDue("run-later", Times.minutesAfterMorningRun(11));
        WorkflowRun failed = Runs.forOrder("run-failed", "order-failed", NOW)
                .end(RunStatus.FAILED, "States.TaskFailed", "no stock", NOW);
        store().create(failed, List.of());
        createDue("run-held", Times.minutesAfterMorningRun(1));
        store().claim("run-held", "worker-1", Times.minutesAfterMorningRun(1), Times.minutesAfterMorningRun(11))
                .orElseThrow();
        createDue("run-expired", Times.minutesAfterMorningRun(2));
        store().claim("run-expired", "worker-1", Times.minutesAfterMorningRun(2), now).orElseThrow();

        assertThat(store().due(now, 10)).containsExactly("run-due", "run-expired");
    }

    @Test
    void finds_the_newest_run_of_a_subject() {
        store().create(Runs.forOrder("run-1", "order-asha-first", NOW), List.of());
        store().create(Runs.forOrder("run-3", "order-asha-first", Times.minutesAfterMorningRun(5)), List.of());
        store().create(Runs.forOrder("run-2", "order-asha-first", Times.minutesAfterMorningRun(5)), List.of());
        store().create(Runs.forOrder("run-9", "order-ravi", Times.minutesAfterMorningRun(9)), List.of());

        assertThat(store().findBySubject("order-asha-first").map(WorkflowRun::runId)).contains("run-3");
        assertThat(store().findBySubject("order-ravi").map(WorkflowRun::runId)).contains("run-9");
    }

    @Test
    void lists_runs_newest_first_with_ties_by_id_descending() {
        List<WorkflowRun> runs = createMany();

        List<WorkflowRun> listed = store().list(RunQuery.all(), PageRequest.first(100)).items();

        assertThat(listed).containsExactlyElementsOf(runs.stream().sorted(NEWEST_FIRST).toList());
    }

    @Test
    void filters_runs_by_status_and_subject_across_pages() {
        List<WorkflowRun> runs = createMany();
        List<RunQuery> queries = List.of(RunQuery.all(),
                new RunQuery(Optional.of(RunStatus.RUNNING), Optional.empty()),
                new RunQuery(Optional.of(RunStatus.FAILED), Optional.empty()),
                new RunQuery(Optional.empty(), Optional.of("order-asha")),
                new RunQuery(Optional.of(RunStatus.FAILED), Optional.of("order-asha")),
                new RunQuery(Optional.of(RunStatus.ABORTED), Optional.of("order-nobody")));

        for (RunQuery query : queries) {
            List<WorkflowRun> expected = runs.stream()
                    .filter(r -> query.status().map(s -> s == r.status()).orElse(true))
                    .filter(r -> query.subjectId().map(s -> s.equals(r.subjectId())).orElse(true))
                    .sorted(NEWEST_FIRST).toList();
            assertThat(Paging.walk(page -> store().list(query, page), 1)).as("%s", query)
                    .containsExactlyElementsOf(expected);
            assertThat(Paging.walk(page -> store().list(query, page), 3)).as("%s", query)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(Paging.walk(page -> store().list(RunQuery.all(), page), 4)).hasSize(runs.size());
    }

    @Test
    void a_page_never_repeats_or_skips_runs_created_meanwhile() {
        List<WorkflowRun> runs = createMany();
        var first = store().list(RunQuery.all(), PageRequest.first(5));
        store().create(Runs.numbered(99, "order-asha", Times.minutesAfterMorningRun(60)), List.of());

        var second = store().list(RunQuery.all(), new PageRequest(100, first.nextToken().orElseThrow()));

        List<WorkflowRun> seen = new ArrayList<>(first.items());
        seen.addAll(second.items());
        assertThat(seen).containsExactlyElementsOf(runs.stream().sorted(NEWEST_FIRST).toList());
    }

    @Test
    void refuses_a_token_of_another_filter_and_forged_tokens() {
        createMany();
        String token = store().list(RunQuery.all(), PageRequest.first(2)).nextToken().orElseThrow();
        RunQuery failed = new RunQuery(Optional.of(RunStatus.FAILED), Optional.empty());

        ContractAssertions.assertFailsWith("InvalidNextToken",
                () -> store().list(failed, new PageRequest(2, token)));
        ForgedTokens.assertAllRefused(token, forged -> store().list(RunQuery.all(), new PageRequest(2, forged)));
    }

    @Test
    void of_eight_processes_claiming_one_due_run_at_once_exactly_one_wins() {
        WorkflowRun run = Runs.ashasFirstOrder();
        store().create(run, Runs.started(run));

        List<Race.Outcome<Optional<WorkflowRun>>> outcomes = Race.run(8,
                racer -> store().claim(run.runId(), "worker-" + racer, NOW, NOW.plusSeconds(30)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        List<WorkflowRun> winners = outcomes.stream().map(Race.Outcome::value).flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        assertThat(store().get(run.runId())).contains(winners.get(0));
        assertThat(winners.get(0).version()).isEqualTo(1);
    }

    @Test
    void of_eight_processes_advancing_one_version_at_once_exactly_one_change_and_its_events_land() {
        WorkflowRun claimed = createAndClaim(Runs.ashasFirstOrder(), "worker-1");
        Instant later = NOW.plusSeconds(1);

        List<Race.Outcome<Optional<WorkflowRun>>> outcomes = Race.run(8, racer -> store().advance(
                claimed.enter("State" + racer, "{\"racer\":" + racer + "}", later, later),
                List.of(RunEvent.of("TaskSucceeded", "NotifyVendors", "{\"racer\":" + racer + "}", later),
                        RunEvent.of("StateEntered", "State" + racer, null, later))));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        List<WorkflowRun> winners = outcomes.stream().map(Race.Outcome::value).flatMap(Optional::stream).toList();
        assertThat(winners).hasSize(1);
        WorkflowRun winner = winners.get(0);
        assertThat(store().get(claimed.runId())).contains(winner);
        assertThat(winner.version()).isEqualTo(2);
        List<RunEvent> history = store().events(claimed.runId());
        assertThat(history).extracting(RunEvent::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(history.get(2).detail()).isEqualTo(winner.stateInput());
        assertThat(history.get(3).state()).isEqualTo(winner.currentState());
    }

    private WorkflowRun createAndClaim(WorkflowRun run, String owner) {
        store().create(run, Runs.started(run));
        return store().claim(run.runId(), owner, run.nextAttemptAt(), run.nextAttemptAt().plusSeconds(30))
                .orElseThrow();
    }

    private void createDue(String runId, Instant due) {
        store().create(Runs.forOrder(runId, "order-" + runId, NOW).retryAt(due, 1, "{\"0\":1}", NOW), List.of());
    }

    /** Twelve runs of three orders in every status, several created at the same moment. */
    private List<WorkflowRun> createMany() {
        List<WorkflowRun> runs = new ArrayList<>();
        List<String> subjects = List.of("order-asha", "order-ravi", "order-meera");
        RunStatus[] statuses = RunStatus.values();
        for (int n = 1; n <= 12; n++) {
            WorkflowRun run = Runs.numbered(n, subjects.get(n % 3), Times.minutesAfterMorningRun(n / 3));
            if (statuses[n % 4].ended()) {
                run = run.end(statuses[n % 4], statuses[n % 4] == RunStatus.FAILED ? "States.TaskFailed" : null, null,
                        run.createdAt());
            }
            store().create(run, List.of());
            runs.add(run);
        }
        return runs;
    }

    private static WorkflowRun withVersion(WorkflowRun r, long version) {
        return new WorkflowRun(r.runId(), r.workflow(), r.subjectId(), r.status(), r.currentState(), r.stateInput(),
                r.attempt(), r.retryCounts(), r.nextAttemptAt(), r.leaseOwner(), r.leaseUntil(), r.error(), r.cause(),
                r.createdAt(), r.updatedAt(), version);
    }
}
