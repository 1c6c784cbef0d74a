package com.milkrun.http.workflow;

import com.milkrun.access.Capability;
import com.milkrun.http.ApiResponse;
import com.milkrun.http.Call;
import com.milkrun.http.Responses;
import com.milkrun.http.Route;
import com.milkrun.http.Services;
import com.milkrun.http.JsonViews;
import com.milkrun.shared.ValidationException;
import com.milkrun.workflow.RunQuery;
import com.milkrun.workflow.RunStatus;
import com.milkrun.workflow.WorkflowRuns;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The back office's view of the order workflow's runs, and retrying a failed one. */
public final class WorkflowRoutes {
    private final WorkflowRuns runs;

    public WorkflowRoutes(Services services) {
        this.runs = services.runs();
    }

    public List<Route> routes() {
        return List.of(
                Route.secured("GET", "/admin/workflow/runs", "ListWorkflowRuns", Capability.OPERATE_PLATFORM, this::list),
                Route.secured("GET", "/admin/workflow/runs/{runId}", "GetWorkflowRun", Capability.OPERATE_PLATFORM, this::get),
                Route.secured("POST", "/admin/workflow/runs/{runId}/retry", "RetryWorkflowRun", Capability.OPERATE_PLATFORM,
                        this::retry));
    }

    private ApiResponse list(Call call) {
        Optional<RunStatus> status = call.query("status").map(String::strip).filter(s -> !s.isEmpty()).map(s ->
                RunStatus.fromWireName(s).orElseThrow(() -> ValidationException.of("status",
                        "Status must be one of Running, Succeeded, Failed, Aborted", "INVALID_STATUS")));
        Optional<String> orderId = call.query("orderId").map(String::strip).filter(s -> !s.isEmpty());
        return Responses.ok(JsonViews.page(runs.list(call.caller(), new RunQuery(status, orderId), call.page()),
                r -> WorkflowViews.run(r, runs.retryable(r))));
    }

    private ApiResponse get(Call call) {
        WorkflowRuns.Details details = runs.get(call.caller(), call.path("runId"));
        Map<String, Object> body = WorkflowViews.run(details.run(), runs.retryable(details.run()));
        body.put("events", details.events().stream().map(WorkflowViews::runEvent).toList());
        return Responses.ok(body);
    }

    private ApiResponse retry(Call call) {
        var run = runs.retry(call.caller(), call.path("runId"));
        return Responses.ok(WorkflowViews.run(run, runs.retryable(run)));
    }
}
