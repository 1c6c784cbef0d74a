package com.milkrun.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.milkrun.http.JsonLog;
import com.milkrun.orders.Order;
import com.milkrun.orders.OrderNotices;
import com.milkrun.orders.OrderProcessing;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;

/**
 * The order workflow on AWS Step Functions: once an order commits, an execution of the order-processing state machine
 * starts, named after the order. Step Functions keeps at most one execution of a name per state machine (a second
 * StartExecution with the same name and input answers the first one), so a retried start cannot process an order
 * twice. Nothing is stored with the order and nothing is done ahead: the state machine's Task functions do every step.
 * Stopping an order's processing stops its execution. A start lost after the order committed is made again by
 * {@link #resume}: when the customer retries the request, and by the scheduled sweep of stalled orders.
 */
final class StepFunctionsOrderProcessing implements OrderProcessing {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<SfnClient> stepFunctions;
    private final String stateMachineArn;
    private final JsonLog log;

    /** @param stepFunctions asked for the client at each start and stop, so that it can be made on the first order */
    StepFunctionsOrderProcessing(Supplier<SfnClient> stepFunctions, String stateMachineArn, JsonLog log) {
        this.stepFunctions = stepFunctions;
        this.stateMachineArn = stateMachineArn;
        this.log = log;
    }

    @Override
    public Optional<Prepared> prepare(Order order, Supplier<OrderNotices.Audience> audience) {
        return Optional.of(new Prepared(order, Optional.empty(), Optional.empty()));
    }

    /**
     * Starts the order's execution. The order is committed already, so a start that fails is logged, not thrown: the
     * customer's order stands, and {@link #resume} (a retried request, the scheduled sweep) starts it later.
     */
    @Override
    public void started(Prepared prepared) {
        try {
            start(prepared.order());
        } catch (SdkException e) {
            log.warn("order workflow not started; the sweep of stalled orders starts it",
                    Map.of("orderId", prepared.order().orderId(), "error", String.valueOf(e.getMessage())));
        }
    }

    /** Starts the execution again; Step Functions answers the running one, or refuses a name that ran already. */
    @Override
    public void resume(Order order) {
        start(order);
    }

    private void start(Order order) {
        String orderId = order.orderId();
        String input;
        try {
            input = JSON.writeValueAsString(EngineOrderProcessing.input(order));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the execution input of order " + orderId + " cannot be written", e);
        }
        try {
            stepFunctions.get().startExecution(b -> b.stateMachineArn(stateMachineArn).name(orderId).input(input));
        } catch (ExecutionAlreadyExistsException e) {
            // an execution of this order ran already, with this input or another: nothing to do
            log.info("order workflow already started", Map.of("orderId", orderId));
        }
    }

    @Override
    public void stop(String orderId, String error, String cause) {
        try {
            stepFunctions.get().stopExecution(b -> b.executionArn(executionArn(stateMachineArn, orderId)).error(error).cause(cause));
        } catch (ExecutionDoesNotExistException e) {
            // never started, or already gone: nothing runs
        }
    }

    /** {@code arn:aws:states:<region>:<account>:stateMachine:<name>} → {@code ...:execution:<name>:<orderId>}. */
    static String executionArn(String stateMachineArn, String executionName) {
        int marker = stateMachineArn.indexOf(":stateMachine:");
        if (marker < 0) {
            throw new IllegalArgumentException("not a state machine ARN: " + stateMachineArn);
        }
        return stateMachineArn.substring(0, marker) + ":execution:"
                + stateMachineArn.substring(marker + ":stateMachine:".length()) + ":" + executionName;
    }
}
