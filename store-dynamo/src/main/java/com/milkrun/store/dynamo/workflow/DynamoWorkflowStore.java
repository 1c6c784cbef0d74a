package com.milkrun.store.dynamo.workflow;

import static com.milkrun.store.dynamo.Attr.n;
import static com.milkrun.store.dynamo.Attr.s;
import static com.milkrun.store.dynamo.Attr.time;

import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.store.dynamo.Attr;
import com.milkrun.store.dynamo.ConditionalWrites;
import com.milkrun.store.dynamo.Keyset;
import com.milkrun.store.dynamo.Names;
import com.milkrun.store.dynamo.TableSpec;
import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.RunQuery;
import com.milkrun.workflow.RunStatus;
import com.milkrun.workflow.WorkflowRun;
import com.milkrun.workflow.WorkflowStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Workflow runs and their history in the WorkflowRuns table ({@link RunItems}).
 *
 * <p>Creating is {@link RunItems#newRun}: the run and its history, each only if absent, in one TransactWriteItems.
 * A claim is one conditional UpdateItem whose condition repeats every rule of a claimable run (running, due, lease
 * free or run out) and which bumps the version, so of racing claimers exactly one wins. An advance replaces the run
 * only at the version read ({@code version = :expected}) and adds its events as a new history item keyed by the new
 * version, in one TransactWriteItems: of racing writers exactly one change and its events land. Renewing a lease is
 * a conditional UpdateItem per run that leaves the version alone.
 *
 * <p>Reads of a run and its history are strongly consistent reads of the table. The indexes serve only the lists and
 * finding candidates: the due runs (each then claimed by its conditional write) and a subject's newest run (then
 * read from the table).
 */
public final class DynamoWorkflowStore implements WorkflowStore {
    public static final TableSpec TABLE = RunItems.TABLE;
    private static final String LIST = "workflow-runs";
    private static final Keyset<WorkflowRun> ALL = new Keyset<>(LIST, Optional.of("listing-index"), "listing",
            List.of("listing", "sortKey", "runId", "itemKey"), true, RunItems::run);
    private static final Keyset<WorkflowRun> IN_STATUS = new Keyset<>(LIST, Optional.of("status-index"), "status",
            List.of("status", "sortKey", "runId", "itemKey"), true, RunItems::run);
    private static final Keyset<WorkflowRun> OF_SUBJECT = new Keyset<>(LIST, Optional.of("subjectId-index"),
            "subjectId", List.of("subjectId", "sortKey", "runId", "itemKey"), true, RunItems::run);
    private static final String RUNNING = RunStatus.RUNNING.wireName();
    private static final String LEASE_FREE = "(attribute_not_exists(leaseKey) OR leaseKey <= :now)";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoWorkflowStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void create(WorkflowRun run, List<RunEvent> events) {
        if (!ConditionalWrites.apply(dynamo, RunItems.newRun(table, run, events))) {
            throw new ConcurrentModification("Workflow run " + run.runId());
        }
    }

    @Override
    public Optional<WorkflowRun> get(String runId) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(RunItems.key(runId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(RunItems.run(item));
    }

    @Override
    public Optional<WorkflowRun> findBySubject(String subjectId) {
        QueryResponse newest = dynamo.query(b -> b.tableName(table).indexName("subjectId-index")
                .keyConditionExpression("subjectId = :subject")
                .expressionAttributeValues(Map.of(":subject", s(subjectId)))
                .projectionExpression("runId").scanIndexForward(false).limit(1));
        return newest.items().stream().findFirst().map(item -> Attr.string(item, "runId")).flatMap(this::get);
    }

    @Override
    public List<String> due(Instant now, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        List<String> due = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamo.query(QueryRequest.builder().tableName(table).indexName("due-index")
                    .keyConditionExpression("#due = :running AND dueKey < :bound")
                    .filterExpression(LEASE_FREE)
                    .expressionAttributeNames(Map.of("#due", "due"))
                    .expressionAttributeValues(Map.of(":running", s(RunItems.DUE),
                            ":bound", s(RunItems.dueBound(now)), ":now", s(Names.timeKey(now))))
                    .projectionExpression("runId").limit(limit).exclusiveStartKey(start).build());
            response.items().stream().map(item -> Attr.string(item, "runId")).limit(limit - due.size())
                    .forEach(due::add);
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && due.size() < limit);
        return due;
    }

    @Override
    public Optional<WorkflowRun> claim(String runId, String owner, Instant now, Instant leaseUntil) {
        return ConditionalWrites.update(dynamo, UpdateItemRequest.builder().tableName(table).key(RunItems.key(runId))
                .updateExpression("SET leaseOwner = :owner, leaseUntil = :until, leaseKey = :untilKey,"
                        + " version = version + :one")
                .conditionExpression("#status = :running AND dueKey < :bound AND " + LEASE_FREE)
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":owner", s(owner), ":until", time(leaseUntil),
                        ":untilKey", s(Names.timeKey(leaseUntil)), ":one", n(1), ":running", s(RUNNING),
                        ":bound", s(RunItems.dueBound(now)), ":now", s(Names.timeKey(now))))
                .build()).map(RunItems::run);
    }

    @Override
    public Optional<WorkflowRun> advance(WorkflowRun next, List<RunEvent> events) {
        WorkflowRun stored = withVersion(next, next.version() + 1);
        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(RunItems.item(stored, stored.version()))
                .conditionExpression("version = :expected")
                .expressionAttributeValues(Map.of(":expected", n(next.version())))).build());
        actions.addAll(RunItems.history(table, next.runId(), stored.version(), events));
        return ConditionalWrites.apply(dynamo, actions) ? Optional.of(stored) : Optional.empty();
    }

    @Override
    public void renew(String owner, Collection<String> runIds, Instant leaseUntil) {
        for (String runId : new LinkedHashSet<>(runIds)) {
            ConditionalWrites.update(dynamo, UpdateItemRequest.builder().tableName(table).key(RunItems.key(runId))
                    .updateExpression("SET leaseUntil = :until, leaseKey = :untilKey")
                    .conditionExpression("#status = :running AND leaseOwner = :owner")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":until", time(leaseUntil),
                            ":untilKey", s(Names.timeKey(leaseUntil)), ":running", s(RUNNING), ":owner", s(owner)))
                    .build());
        }
    }

    @Override
    public Page<WorkflowRun> list(RunQuery query, PageRequest page) {
        String filterKey = "status=" + query.status().map(RunStatus::wireName).orElse("")
                + "\nsubject=" + query.subjectId().orElse("");
        if (query.subjectId().isPresent()) {
            Keyset.Filter inStatus = query.status().map(status -> new Keyset.Filter(Optional.of("#status = :status"),
                    Map.of("#status", "status"), Map.of(":status", s(status.wireName())), item -> true))
                    .orElse(Keyset.Filter.none());
            return OF_SUBJECT.page(dynamo, table, query.subjectId().get(), inStatus, filterKey, page);
        }
        if (query.status().isPresent()) {
            return IN_STATUS.page(dynamo, table, query.status().get().wireName(), Keyset.Filter.none(), filterKey,
                    page);
        }
        return ALL.page(dynamo, table, RunItems.LISTING, Keyset.Filter.none(), filterKey, page);
    }

    @Override
    public List<RunEvent> events(String runId) {
        List<Map<String, AttributeValue>> history = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = dynamo.query(b -> b.tableName(table).consistentRead(true)
                    .keyConditionExpression("runId = :run AND begins_with(itemKey, :history)")
                    .expressionAttributeValues(Map.of(":run", s(runId), ":history", s(RunItems.HISTORY)))
                    .exclusiveStartKey(from));
            history.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return RunItems.events(history);
    }

    private static WorkflowRun withVersion(WorkflowRun r, long version) {
        return new WorkflowRun(r.runId(), r.workflow(), r.subjectId(), r.status(), r.currentState(), r.stateInput(),
                r.attempt(), r.retryCounts(), r.nextAttemptAt(), r.leaseOwner(), r.leaseUntil(), r.error(), r.cause(),
                r.createdAt(), r.updatedAt(), version);
    }
}
