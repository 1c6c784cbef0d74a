package com.milkrun.workflow.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Small definitions and the moment tests start at. */
final class Machines {
    /** Six in the morning on delivery day: when the morning milk run starts. */
    static final Instant MORNING_RUN = Instant.parse("2026-03-02T06:00:00Z");

    /** The name the production order workflow's runs are stored under in these tests. */
    static final String ORDER_PROCESSING = "OrderProcessing";

    private Machines() {
    }

    /**
     * The production order definition, {@code infra/statemachine/order-processing.asl.json}, which the build copies
     * into the test classpath unchanged, parsed to run locally.
     */
    static StateMachine orderProcessing() {
        try (InputStream in = Machines.class.getResourceAsStream("/statemachine/order-processing.asl.json")) {
            if (in == null) {
                throw new IllegalStateException("The test classpath has no statemachine/order-processing.asl.json");
            }
            return StateMachine.local(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a definition written with single quotes for readability. */
    static StateMachine parse(String aslWithSingleQuotes) {
        return StateMachine.parse(json(aslWithSingleQuotes), Map.of());
    }

    static String json(String aslWithSingleQuotes) {
        return aslWithSingleQuotes.replace('\'', '"');
    }

    /** One Task state {@code name} with the given extra fields (e.g. Retry), ending the run. */
    static StateMachine oneTask(String name, String extraFields) {
        return parse("""
                {'StartAt': '%s', 'States': {
                  '%s': {'Type': 'Task', 'Resource': 'arn:aws:lambda:local:000000000000:function:%s', %s 'End': true},
                  'GiveUp': {'Type': 'Pass', 'End': true}
                }}""".formatted(name, name, name, extraFields.isBlank() ? "" : extraFields + ","));
    }
}
