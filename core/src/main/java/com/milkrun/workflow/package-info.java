/**
 * Durable workflows: the ports between the order workflow's steps, the engine that runs its Amazon States Language
 * definition, and the store that keeps every run and its history. The engine itself (parsing and interpreting the
 * definition) lives in the {@code milkrun-workflow} module; on AWS, Step Functions runs the same definition and calls
 * the same {@link StepHandler}s through Lambda.
 *
 * <p>JSON values cross these ports as plain Java values: {@code Map<String, Object>}, {@code List<Object>},
 * {@code String}, {@code Number}, {@code Boolean} and {@code null}; stored state is JSON text.
 */
package com.milkrun.workflow;
