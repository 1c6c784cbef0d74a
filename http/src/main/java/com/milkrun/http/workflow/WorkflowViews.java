package com.milkrun.http.workflow;

import com.milkrun.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes of the order workflow's runs and their history. */
public final class WorkflowViews {
    private WorkflowViews() {
    }

    /** A workflow run as the back office lists it. */
    public static Map<String, Object> run(com.milkrun.workflow.WorkflowRun r, boolean retryable) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", r.runId());
        m.put("workflow", r.workflow());
        m.put("orderId", r.subjectId());
        m.put("status", r.status().wireName());
        m.put("currentState", r.currentState());
        m.put("attempt", r.attempt());
        m.put("nextAttemptAt", r.status().ended() ? null : r.nextAttemptAt().toString());
        m.put("error", r.error());
        m.put("cause", r.cause());
        m.put("createdAt", r.createdAt().toString());
        m.put("updatedAt", r.updatedAt().toString());
        m.put("retryable", retryable);
        return m;
    }

    /** One entry of a run's history; its detail is JSON the engine wrote. */
    public static Map<String, Object> runEvent(com.milkrun.workflow.RunEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", e.seq());
        m.put("type", e.type());
        m.put("state", e.state());
        m.put("detail", e.detail() == null ? null : Json.parse(e.detail()));
        m.put("at", e.at().toString());
        return m;
    }
}
