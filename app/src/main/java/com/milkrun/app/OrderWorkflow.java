package com.milkrun.app;

import com.milkrun.workflow.engine.StateMachine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The order workflow: its name and its definition, {@code infra/statemachine/order-processing.asl.json}, packaged
 * into this module's classpath as {@code statemachine/order-processing.asl.json}. The workflow engine runs whatever
 * definition it is given; this is where MilkRun says which one processes orders.
 */
public final class OrderWorkflow {
    /** The name runs of the order workflow are stored under. */
    public static final String NAME = "OrderProcessing";

    private static final String RESOURCE = "/statemachine/order-processing.asl.json";

    private OrderWorkflow() {
    }

    /** The definition parsed to run locally: every Task runs the step handler of its function's name. */
    public static StateMachine machine() {
        return StateMachine.local(definition());
    }

    /** The text of the definition, as deployed to Step Functions. */
    public static String definition() {
        try (InputStream in = OrderWorkflow.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The classpath has no " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
