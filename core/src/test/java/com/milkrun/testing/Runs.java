package com.milkrun.testing;

import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.WorkflowRun;
import java.time.Instant;
import java.util.List;

/** Object Mother of workflow runs processing dairy orders. */
public final class Runs {
    /** The name of the order-processing workflow, as in {@code infra/statemachine/order-processing.asl.json}. */
    public static final String ORDER_PROCESSING = "order-processing";

    private Runs() {
    }

    /** The run processing Asha's first order, just started at the morning run, due at once, nobody holding it. */
    public static WorkflowRun ashasFirstOrder() {
        return forOrder("run-order-asha-first", "order-asha-first", Times.MORNING_RUN);
    }

    /** A fresh run about order {@code orderId}, started (and due) at {@code at}. */
    public static WorkflowRun forOrder(String runId, String orderId, Instant at) {
        return WorkflowRun.start(runId, ORDER_PROCESSING, orderId, "NotifyVendors",
                "{\"orderId\":\"" + orderId + "\"}", at);
    }

    /** The n-th run of a list, about {@code orderId}, started at {@code at}; ids sort in the order of n. */
    public static WorkflowRun numbered(int n, String orderId, Instant at) {
        return forOrder(String.format("run-%03d", n), orderId, at);
    }

    /** The events a run starts with: it started, and entered its first state. */
    public static List<RunEvent> started(WorkflowRun run) {
        return List.of(RunEvent.of("RunStarted", null, run.stateInput(), run.createdAt()),
                RunEvent.of("StateEntered", run.currentState(), run.stateInput(), run.createdAt()));
    }
}
