package com.milkrun.workflow.engine;

import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.WorkflowRun;
import java.util.List;
import java.util.Objects;

/** A run ready to be stored with its first events, for a caller that stores it atomically with its subject. */
public record NewRun(WorkflowRun run, List<RunEvent> events) {
    public NewRun {
        Objects.requireNonNull(run, "run");
        events = List.copyOf(events);
    }
}
