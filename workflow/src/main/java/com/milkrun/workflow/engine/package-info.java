/**
 * The workflow engine: parses an Amazon States Language definition ({@link com.milkrun.workflow.engine.StateMachine})
 * and runs it durably on the {@link com.milkrun.workflow.WorkflowStore} port
 * ({@link com.milkrun.workflow.engine.WorkflowEngine}), so that the order workflow Step Functions runs on AWS runs the
 * same way locally, with the same {@link com.milkrun.workflow.StepHandler}s.
 */
package com.milkrun.workflow.engine;
