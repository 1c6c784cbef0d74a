package com.milkrun.workflow;

import com.milkrun.access.Access;
import com.milkrun.access.Capability;
import com.milkrun.access.Principal;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.util.List;

/** The back office's view of workflow runs: list them, read one with its history, retry a failed one. */
public final class WorkflowRuns {
    private final WorkflowStore store;
    private final RunControl control;

    public WorkflowRuns(WorkflowStore store, RunControl control) {
        this.store = store;
        this.control = control;
    }

    public Page<WorkflowRun> list(Principal caller, RunQuery query, PageRequest page) {
        Access.require(caller, Capability.OPERATE_PLATFORM);
        return store.list(query, page);
    }

    public Details get(Principal caller, String runId) {
        Access.require(caller, Capability.OPERATE_PLATFORM);
        WorkflowRun run = store.get(runId).orElseThrow(() -> DomainException.notFound("Run not found"));
        return new Details(run, store.events(runId));
    }

    public WorkflowRun retry(Principal caller, String runId) {
        Access.require(caller, Capability.OPERATE_PLATFORM);
        store.get(runId).orElseThrow(() -> DomainException.notFound("Run not found"));
        return control.redrive(runId);
    }

    public boolean retryable(WorkflowRun run) {
        return control.retryable(run);
    }

    /** A run and its history, oldest first. */
    public record Details(WorkflowRun run, List<RunEvent> events) {
        public Details {
            events = List.copyOf(events);
        }
    }
}
