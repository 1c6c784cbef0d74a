package com.milkrun.orders;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The order processing workflow as the order use cases see it: a run is prepared for every new order and stored with
 * it (with its first steps, when they are done ahead), set going once the order is committed, and stopped when the
 * order is cancelled or rejected meanwhile. Adapters: the local durable runner; on AWS, Step Functions.
 */
public interface OrderProcessing {
    /**
     * The processing prepared for a new order: the order, the run to store with it (none when the workflow keeps its
     * runs elsewhere, as Step Functions does), and what its first steps did when they were done ahead (stored with
     * the order too).
     */
    record Prepared(Order order, Optional<Placement.StartedRun> run, Optional<Placement.FirstSteps> firstSteps) {
        public Prepared {
            java.util.Objects.requireNonNull(order, "order");
            run = run == null ? Optional.empty() : run;
            firstSteps = firstSteps == null ? Optional.empty() : firstSteps;
        }
    }

    /**
     * The run to store atomically with {@code order}, not yet stored; empty when orders are not processed.
     *
     * @param audience who the order's messages go to, asked for only when the first steps are done ahead
     */
    Optional<Prepared> prepare(Order order, Supplier<OrderNotices.Audience> audience);

    /** The order and its run are committed: start working on what is left of the run. */
    void started(Prepared prepared);

    /** Stops the order's run if it is still running; nothing happens otherwise. */
    void stop(String orderId, String error, String cause);

    /**
     * Makes sure a {@code Pending} order is being processed: a start lost after the order committed is made again,
     * and processing that runs already is left alone. Nothing to do where the run is stored with the order.
     */
    default void resume(Order order) {
    }

    /** No workflow: orders stay as placed (tests of the order rules alone). */
    OrderProcessing NONE = new OrderProcessing() {
        @Override
        public Optional<Prepared> prepare(Order order, Supplier<OrderNotices.Audience> audience) {
            return Optional.empty();
        }

        @Override
        public void started(Prepared prepared) {
        }

        @Override
        public void stop(String orderId, String error, String cause) {
        }
    };
}
