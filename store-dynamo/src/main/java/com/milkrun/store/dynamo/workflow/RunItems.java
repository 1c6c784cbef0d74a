package com.milkrun.store.dynamo.workflow;

import static com.milkrun.store.dynamo.Attr.n;
import static com.milkrun.store.dynamo.Attr.s;
import static com.milkrun.store.dynamo.Attr.time;

import com.milkrun.store.dynamo.Attr;
import com.milkrun.store.dynamo.Names;
import com.milkrun.store.dynamo.TableSpec;
import com.milkrun.store.dynamo.TableSpec.IndexSpec;
import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.RunStatus;
import com.milkrun.workflow.WorkflowRun;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Workflow runs and their history as items of the WorkflowRuns table, key ({@code runId}, {@code itemKey}).
 *
 * <p>A run is the item {@code itemKey = "run"}. Its history is kept beside it, in the same partition: each write of
 * the run that adds events stores them, in order, as the list {@code events} of one history item
 * {@code itemKey = "history#<version written, 19 digits>#<part, 3 digits>"} (part 0 unless the events of one write
 * would not fit one item). Versions only grow, so one Query of the partition with {@code begins_with(itemKey,
 * "history#")} reads the whole history in order; events are numbered 1, 2, 3... as read, and never renumbered as
 * history items are only ever added.
 *
 * <p>Run items carry the keys of four indexes (history items carry none):
 * <ul>
 *   <li>{@code listing-index}: every run under {@code listing = "run"}, sorted by {@code sortKey} (creation time, then
 *       id), read backwards for the back office's list, newest first;</li>
 *   <li>{@code status-index}: the same by {@code status} (its wire name), for the list filtered by status;</li>
 *   <li>{@code subjectId-index}: the same by {@code subjectId}, for a subject's runs and its newest run;</li>
 *   <li>{@code due-index}, sparse: only a running run has {@code due = "running"} and {@code dueKey} (next attempt
 *       time, then id), so that the runs to work on are one Query, oldest due first.</li>
 * </ul>
 * {@code leaseKey} is the lease's end as a fixed-width time, present while a lease is held, for the conditions that
 * compare it with the time.
 */
public final class RunItems {
    static final TableSpec TABLE = TableSpec.of("WorkflowRuns", "WORKFLOW_RUNS_TABLE", "runId", "itemKey",
            IndexSpec.of("listing-index", "listing", "sortKey"),
            IndexSpec.of("status-index", "status", "sortKey"),
            IndexSpec.of("subjectId-index", "subjectId", "sortKey"),
            IndexSpec.of("due-index", "due", "dueKey"));
    static final String RUN = "run";
    static final String HISTORY = "history#";
    static final String LISTING = "run";
    static final String DUE = "running";
    /**
     * How many bytes of events one history item takes before the next part starts: well under DynamoDB's 400 KB per
     * item, as the estimate below counts only names and values.
     */
    private static final int HISTORY_PART_BYTES = 300_000;
    private static final String NEW_ITEM = "attribute_not_exists(runId)";

    private RunItems() {
    }

    /**
     * The actions that store a new run at version 0 with its first events, each a Put that requires its item to be
     * absent: the run first, then its history (one item unless the events are very large; none without events).
     * Whoever puts them into a TransactWriteItems of its own reads a {@code ConditionalCheckFailed} reason on the
     * first action as "a run with this id exists".
     */
    public static List<TransactWriteItem> newRun(String table, WorkflowRun run, List<RunEvent> events) {
        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(putNew(table, item(run, 0)));
        actions.addAll(history(table, run.runId(), 0, events));
        return actions;
    }

    /** Puts of the history items of the write that stores version {@code version} of a run, each only if new. */
    static List<TransactWriteItem> history(String table, String runId, long version, List<RunEvent> events) {
        return historyItems(runId, version, events).stream().map(item -> putNew(table, item)).toList();
    }

    static Map<String, AttributeValue> key(String runId) {
        return Map.of("runId", s(runId), "itemKey", s(RUN));
    }

    /** The run item of {@code r} at {@code version}. */
    static Map<String, AttributeValue> item(WorkflowRun r, long version) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("runId", s(r.runId()));
        item.put("itemKey", s(RUN));
        item.put("workflow", s(r.workflow()));
        item.put("subjectId", s(r.subjectId()));
        item.put("status", s(r.status().wireName()));
        item.put("currentState", s(r.currentState()));
        item.put("stateInput", s(r.stateInput()));
        item.put("attempt", n(r.attempt()));
        item.put("retryCounts", s(r.retryCounts()));
        item.put("nextAttemptAt", time(r.nextAttemptAt()));
        putIfPresent(item, "leaseOwner", r.leaseOwner());
        if (r.leaseUntil() != null) {
            item.put("leaseUntil", time(r.leaseUntil()));
            item.put("leaseKey", s(Names.timeKey(r.leaseUntil())));
        }
        putIfPresent(item, "error", r.error());
        putIfPresent(item, "cause", r.cause());
        item.put("createdAt", time(r.createdAt()));
        item.put("updatedAt", time(r.updatedAt()));
        item.put("version", n(version));
        item.put("listing", s(LISTING));
        item.put("sortKey", s(Names.timeSortKey(r.createdAt(), r.runId())));
        if (r.status() == RunStatus.RUNNING) {
            item.put("due", s(DUE));
            item.put("dueKey", s(Names.timeSortKey(r.nextAttemptAt(), r.runId())));
        }
        return item;
    }

    static WorkflowRun run(Map<String, AttributeValue> item) {
        String status = Attr.string(item, "status");
        return new WorkflowRun(Attr.string(item, "runId"), Attr.string(item, "workflow"),
                Attr.string(item, "subjectId"),
                RunStatus.fromWireName(status).orElseThrow(() -> new IllegalStateException("unknown run status " + status)),
                Attr.string(item, "currentState"), Attr.string(item, "stateInput"), Attr.integer(item, "attempt"),
                Attr.string(item, "retryCounts"), Attr.time(item, "nextAttemptAt"),
                Attr.optionalString(item, "leaseOwner").orElse(null),
                Attr.optionalTime(item, "leaseUntil").orElse(null), Attr.optionalString(item, "error").orElse(null),
                Attr.optionalString(item, "cause").orElse(null), Attr.time(item, "createdAt"),
                Attr.time(item, "updatedAt"), Attr.longValue(item, "version"));
    }

    /** The events of history items read in key order, numbered 1, 2, 3... */
    static List<RunEvent> events(List<Map<String, AttributeValue>> historyItems) {
        List<RunEvent> events = new ArrayList<>();
        for (Map<String, AttributeValue> item : historyItems) {
            for (AttributeValue value : item.get("events").l()) {
                Map<String, AttributeValue> e = value.m();
                events.add(new RunEvent(events.size() + 1L, Attr.string(e, "type"),
                        Attr.optionalString(e, "state").orElse(null), Attr.optionalString(e, "detail").orElse(null),
                        Attr.time(e, "at")));
            }
        }
        return events;
    }

    /**
     * The smallest string above every {@code dueKey} of a run due by {@code now}: a run is due when its
     * {@code dueKey < dueBound(now)}, as the time part is fixed-width and comes first.
     */
    static String dueBound(Instant now) {
        return Names.timeKey(now.plusNanos(1));
    }

    /** The history items of one write: as few as the events fit in, each a list of events in order. */
    static List<Map<String, AttributeValue>> historyItems(String runId, long version, List<RunEvent> events) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        List<AttributeValue> part = new ArrayList<>();
        int bytes = 0;
        for (RunEvent e : events) {
            int size = size(e);
            if (!part.isEmpty() && bytes + size > HISTORY_PART_BYTES) {
                items.add(historyItem(runId, version, items.size(), part));
                part = new ArrayList<>();
                bytes = 0;
            }
            part.add(event(e));
            bytes += size;
        }
        if (!part.isEmpty()) {
            items.add(historyItem(runId, version, items.size(), part));
        }
        return items;
    }

    private static Map<String, AttributeValue> historyItem(String runId, long version, int part,
                                                           List<AttributeValue> events) {
        return Map.of("runId", s(runId), "itemKey", s(String.format("%s%019d#%03d", HISTORY, version, part)),
                "events", AttributeValue.fromL(List.copyOf(events)));
    }

    private static AttributeValue event(RunEvent e) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("type", s(e.type()));
        putIfPresent(m, "state", e.state());
        putIfPresent(m, "detail", e.detail());
        m.put("at", time(e.at()));
        return AttributeValue.fromM(m);
    }

    /** An event's bytes in a history item: its names and values, and a little for the map around them. */
    private static int size(RunEvent e) {
        return 64 + utf8(e.type()) + utf8(e.state()) + utf8(e.detail());
    }

    private static int utf8(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static TransactWriteItem putNew(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item).conditionExpression(NEW_ITEM))
                .build();
    }
}
