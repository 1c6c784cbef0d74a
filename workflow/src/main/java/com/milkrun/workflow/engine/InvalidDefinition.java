package com.milkrun.workflow.engine;

/** A state machine definition the engine cannot run, or handlers that do not fit it; the message says what is wrong. */
public class InvalidDefinition extends IllegalArgumentException {
    public InvalidDefinition(String message) {
        super(message);
    }
}
