package com.milkrun.orders;

import java.util.Optional;

/**
 * The order processing workflow as the order use cases see it: a run is prepared for every new order and stored with
 * it, set going once the order is committed, and stopped when the order is cancelled or rejected meanwhile. Adapters:
 * the local durable runner; on AWS, Step Functions.
 */
public interface OrderProcessing {
    /** The run to store atomically with {@code order}, not yet stored; empty when orders are not processed. */
    Optional<Placement.StartedRun> prepare(Order order);

    /** The order and its run are committed: start working on the run. */
    void started(String runId);

    /** Stops the order's run if it is still running; nothing happens otherwise. */
    void stop(String orderId, String error, String cause);

    /** No workflow: orders stay as placed (tests of the order rules alone). */
    OrderProcessing NONE = new OrderProcessing() {
        @Override
        public Optional<Placement.StartedRun> prepare(Order order) {
            return Optional.empty();
        }

        @Override
        public void started(String runId) {
        }

        @Override
        public void stop(String orderId, String error, String cause) {
        }
    };
}
