package com.milkrun.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.milkrun.app.MilkRun;
import com.milkrun.workflow.StepContext;
import com.milkrun.workflow.StepHandler;
import java.util.Map;
import java.util.Optional;

/**
 * One Task state of the order workflow as a Lambda function, for Step Functions running the same definition on AWS:
 * every task function deploys this handler with {@code MILKRUN_STEP} naming its task (NotifyVendors,
 * UpdateOrderStatus, ...). The state's effective input arrives as the event and the step's result is the answer; a
 * failure is thrown, for the definition's Retry and Catch.
 */
public final class WorkflowStepHandler implements RequestHandler<Map<String, Object>, Object> {
    private final StepHandler step;
    private final String stepName;

    /** The constructor Lambda calls: the step from {@code MILKRUN_STEP}, configuration from the environment. */
    public WorkflowStepHandler() {
        this(MilkRun.start(LambdaConfig.fromEnvironment()), Optional.ofNullable(System.getenv("MILKRUN_STEP")).orElse(""));
    }

    public WorkflowStepHandler(MilkRun app, String stepName) {
        this.step = Optional.ofNullable(app.steps().get(stepName)).orElseThrow(() -> new IllegalArgumentException(
                "MILKRUN_STEP must name one of the workflow's tasks " + app.steps().keySet() + ", got '" + stepName + "'"));
        this.stepName = stepName;
    }

    @Override
    public Object handleRequest(Map<String, Object> input, Context context) {
        String execution = context == null || context.getAwsRequestId() == null ? "local" : context.getAwsRequestId();
        Object orderId = input == null ? null : input.get("orderId");
        String runKey = orderId == null ? execution : orderId.toString();
        return step.handle(input == null ? Map.of() : input, new StepContext(runKey, stepName, 1));
    }
}
