package com.milkrun.workflow.engine;

import java.time.Instant;
import java.util.Map;

/** Small definitions and the moment tests start at. */
final class Machines {
    /** Six in the morning on delivery day: when the morning milk run starts. */
    static final Instant MORNING_RUN = Instant.parse("2026-03-02T06:00:00Z");

    private Machines() {
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
