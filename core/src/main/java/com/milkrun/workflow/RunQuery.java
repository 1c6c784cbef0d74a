package com.milkrun.workflow;

import java.util.Optional;

/** Filters of the back office's list of runs. */
public record RunQuery(Optional<RunStatus> status, Optional<String> subjectId) {
    public static RunQuery all() {
        return new RunQuery(Optional.empty(), Optional.empty());
    }
}
