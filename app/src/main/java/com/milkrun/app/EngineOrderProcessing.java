package com.milkrun.app;

import com.milkrun.orders.Order;
import com.milkrun.orders.OrderLine;
import com.milkrun.orders.OrderNotices;
import com.milkrun.orders.OrderProcessing;
import com.milkrun.orders.OrderSteps;
import com.milkrun.orders.Placement;
import com.milkrun.workflow.RunControl;
import com.milkrun.workflow.StepHandler;
import com.milkrun.workflow.WorkflowRun;
import com.milkrun.workflow.WorkflowStore;
import com.milkrun.workflow.engine.WorkflowEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The order workflow on the local durable runner: every order gets a run of order-processing.asl.json, stored with
 * the order. When the runs are worked on eagerly, the run's first steps are done ahead, in memory, and stored with
 * the order in its placing transaction (a new order is notified about and confirmed in the same atomic unit that
 * places it); whatever is left of the run once the order commits is worked on by the placing thread (eager) or by a
 * worker after a nudge. The run is stopped when the order ends otherwise.
 */
final class EngineOrderProcessing implements OrderProcessing, RunControl {
    private final WorkflowEngine engine;
    private final WorkflowStore runs;
    private final boolean eager;
    private final OrderSteps steps;
    private final Set<String> aheadTasks;
    private final OrderNotices notices;

    /**
     * @param eager      whether the placing thread works on the run before answering, while the engine runs: its first
     *                   steps ahead, in the placing transaction, and what is left right after; so that sustained placing
     *                   cannot outrun the workers and pile up a backlog of unconfirmed orders. Otherwise a worker is
     *                   nudged.
     * @param steps      the workflow's steps, whose work ahead is used for {@code aheadTasks}
     * @param aheadTasks the tasks that may be done ahead: those whose handler is {@code steps}' own (a test that puts
     *                   another handler in place of a step sees that handler called)
     */
    EngineOrderProcessing(WorkflowEngine engine, WorkflowStore runs, boolean eager, OrderSteps steps,
                          Set<String> aheadTasks, OrderNotices notices) {
        this.engine = engine;
        this.runs = runs;
        this.eager = eager;
        this.steps = steps;
        this.aheadTasks = Set.copyOf(aheadTasks);
        this.notices = notices;
    }

    @Override
    public Optional<Prepared> prepare(Order order, Supplier<OrderNotices.Audience> audience) {
        Map<String, Object> input = input(order);
        String runId = runIdOf(order.orderId());
        if (!eager || aheadTasks.isEmpty() || !engine.running()) {
            var run = engine.prepare(runId, order.orderId(), input);
            return Optional.of(new Prepared(order, Optional.of(new Placement.StartedRun(run.run(), run.events())),
                    Optional.empty()));
        }
        OrderSteps.Ahead ahead = steps.ahead(order, audience.get());
        Map<String, StepHandler> handlers = new LinkedHashMap<>(ahead.handlers());
        handlers.keySet().retainAll(aheadTasks);
        WorkflowEngine.Ahead done = engine.prepareAhead(runId, order.orderId(), input, handlers);
        return Optional.of(new Prepared(order, Optional.of(new Placement.StartedRun(done.run().run(), done.run().events())),
                ahead.firstSteps(done.calls())));
    }

    @Override
    public void started(Prepared prepared) {
        prepared.firstSteps().ifPresent(first -> notices.queued(first.emails()));
        WorkflowRun run = prepared.run().orElseThrow(() -> new IllegalArgumentException("no run was prepared")).run();
        if (run.status().ended()) {
            return;
        }
        if (eager) {
            engine.runNow(run.runId());
        } else {
            engine.nudge(run.runId());
        }
    }

    @Override
    public void stop(String orderId, String error, String cause) {
        // by its key, which every store reads consistently (an index may lag behind, as DynamoDB's do); runs of
        // orders placed before runs were named after their orders are found by their subject
        runs.get(runIdOf(orderId)).or(() -> runs.findBySubject(orderId)).filter(r -> !r.status().ended())
                .ifPresent(r -> engine.stop(r.runId(), error, cause));
    }

    /**
     * The id of an order's run, named after the order ({@code order-X} → {@code run-X}): an order has one run (a
     * redrive goes on in the same run), and a key is found without an index.
     */
    static String runIdOf(String orderId) {
        return "run-" + (orderId.startsWith("order-") ? orderId.substring("order-".length()) : orderId);
    }

    @Override
    public boolean retryable(WorkflowRun run) {
        return engine.retryable(run);
    }

    @Override
    public WorkflowRun redrive(String runId) {
        return engine.redrive(runId);
    }

    /** The execution input the seed's createOrder gives Step Functions: the order id and its items. */
    static Map<String, Object> input(Order order) {
        List<Map<String, Object>> items = order.lines().stream().map(EngineOrderProcessing::item).toList();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("orderId", order.orderId());
        input.put("items", items);
        return input;
    }

    private static Map<String, Object> item(OrderLine line) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("productId", line.productId());
        item.put("vendorId", line.vendorId());
        item.put("quantity", line.quantity());
        return item;
    }
}
