package com.milkrun.usecases.orders;

import com.milkrun.orders.Order;
import com.milkrun.orders.OrderNotices;
import com.milkrun.orders.OrderProcessing;
import com.milkrun.orders.Placement;
import com.milkrun.testing.Runs;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** The order workflow as the use cases see it, recording the runs prepared and started and the orders stopped and resumed. */
final class RecordedProcessing implements OrderProcessing {
    final List<String> started = new CopyOnWriteArrayList<>();
    final List<String> stopped = new CopyOnWriteArrayList<>();
    final List<String> resumed = new CopyOnWriteArrayList<>();
    /** Orders whose resumption fails, as when the workflow service does not answer. */
    final Set<String> unreachable = ConcurrentHashMap.newKeySet();

    @Override
    public Optional<Prepared> prepare(Order order, Supplier<OrderNotices.Audience> audience) {
        var run = Runs.forOrder("run-" + order.orderId(), order.orderId(), order.createdAt());
        return Optional.of(new Prepared(order, Optional.of(new Placement.StartedRun(run, Runs.started(run))), Optional.empty()));
    }

    @Override
    public void started(Prepared prepared) {
        started.add(prepared.run().orElseThrow().run().runId());
    }

    @Override
    public void resume(Order order) {
        if (unreachable.contains(order.orderId())) {
            throw new IllegalStateException("the workflow service did not answer for " + order.orderId());
        }
        resumed.add(order.orderId());
    }

    @Override
    public void stop(String orderId, String error, String cause) {
        stopped.add(orderId + ": " + error);
    }
}
