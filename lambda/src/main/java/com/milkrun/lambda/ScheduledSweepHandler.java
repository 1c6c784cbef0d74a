package com.milkrun.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.milkrun.app.MilkRun;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The periodic work a Lambda deployment has no runner threads for, on an EventBridge schedule: emails that are due
 * (retries after backoff, dead letters an admin queued again) and orders still {@code Pending} well after they were
 * placed (a Step Functions start lost after the order committed). The schedule's event carries nothing it needs.
 */
public final class ScheduledSweepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final MilkRun app;

    /** The constructor Lambda calls: configuration from the environment. */
    public ScheduledSweepHandler() {
        this(MilkRun.start(LambdaConfig.fromEnvironment()));
    }

    public ScheduledSweepHandler(MilkRun app) {
        this.app = app;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        MilkRun.Sweep sweep = app.sweep();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("emailsAttempted", sweep.emailsAttempted());
        result.put("ordersResumed", sweep.ordersResumed());
        if (sweep.emailsAttempted() > 0 || sweep.ordersResumed() > 0) {
            app.log().info("sweep", result);
        }
        return result;
    }
}
