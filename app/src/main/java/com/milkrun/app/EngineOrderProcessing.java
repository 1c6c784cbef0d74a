package com.milkrun.app;

import com.milkrun.orders.Order;
import com.milkrun.orders.OrderLine;
import com.milkrun.orders.OrderProcessing;
import com.milkrun.orders.Placement;
import com.milkrun.shared.Ids;
import com.milkrun.workflow.RunControl;
import com.milkrun.workflow.WorkflowRun;
import com.milkrun.workflow.WorkflowStore;
import com.milkrun.workflow.engine.NewRun;
import com.milkrun.workflow.engine.WorkflowEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order workflow on the local durable runner: every order gets a run of order-processing.asl.json, stored with
 * the order; once the order commits the run is worked on (eagerly, by the placing thread, or by a worker after a
 * nudge) and the run is stopped when the order ends otherwise.
 */
final class EngineOrderProcessing implements OrderProcessing, RunControl {
    private final WorkflowEngine engine;
    private final WorkflowStore runs;
    private final boolean eager;

    /**
     * @param eager whether the thread that placed the order works on its run right away, before answering: the
     *              placing client then waits for the confirmation work, so that sustained placing cannot outrun the
     *              workers and pile up a backlog of unconfirmed orders; otherwise a worker is nudged
     */
    EngineOrderProcessing(WorkflowEngine engine, WorkflowStore runs, boolean eager) {
        this.engine = engine;
        this.runs = runs;
        this.eager = eager;
    }

    /** The execution input the seed's createOrder gives Step Functions: the order id and its items. */
    @Override
    public Optional<Placement.StartedRun> prepare(Order order) {
        List<Map<String, Object>> items = order.lines().stream().map(EngineOrderProcessing::item).toList();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("orderId", order.orderId());
        input.put("items", items);
        NewRun run = engine.prepare(Ids.newId("run"), order.orderId(), input);
        return Optional.of(new Placement.StartedRun(run.run(), run.events()));
    }

    @Override
    public void started(String runId) {
        if (eager) {
            engine.runNow(runId);
        } else {
            engine.nudge(runId);
        }
    }

    @Override
    public void stop(String orderId, String error, String cause) {
        runs.findBySubject(orderId).filter(r -> !r.status().ended()).ifPresent(r -> engine.stop(r.runId(), error, cause));
    }

    @Override
    public boolean retryable(WorkflowRun run) {
        return engine.retryable(run);
    }

    @Override
    public WorkflowRun redrive(String runId) {
        return engine.redrive(runId);
    }

    private static Map<String, Object> item(OrderLine line) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("productId", line.productId());
        item.put("vendorId", line.vendorId());
        item.put("quantity", line.quantity());
        return item;
    }
}
