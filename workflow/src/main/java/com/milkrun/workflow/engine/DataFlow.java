package com.milkrun.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** InputPath, ResultPath and OutputPath as the Amazon States Language defines them. */
final class DataFlow {
    private DataFlow() {
    }

    /**
     * The state's effective input before Parameters: what InputPath names ({@code {}} for a null InputPath).
     *
     * @throws StatesError {@code States.Runtime} when the path names nothing
     */
    static JsonNode input(Optional<ReferencePath> inputPath, JsonNode raw) {
        return select(inputPath, raw, "InputPath");
    }

    /**
     * The state's output: what OutputPath names in {@code node} ({@code {}} for a null OutputPath).
     *
     * @throws StatesError {@code States.Runtime} when the path names nothing
     */
    static JsonNode output(Optional<ReferencePath> outputPath, JsonNode node) {
        return select(outputPath, node, "OutputPath");
    }

    private static JsonNode select(Optional<ReferencePath> path, JsonNode node, String field) {
        if (path.isEmpty()) {
            return Json.object();
        }
        return path.get().read(node).orElseThrow(() -> StatesError.runtime(
                "Invalid path '" + path.get() + "': the " + field + " names nothing in the state's input"));
    }

    /**
     * The state's raw input with {@code result} placed at ResultPath: {@code $} gives the result, a null ResultPath
     * the raw input unchanged.
     *
     * @throws StatesError {@code States.ResultPathMatchFailure} when the path cannot be set in the raw input
     */
    static JsonNode place(Optional<ReferencePath> resultPath, JsonNode raw, JsonNode result) {
        if (resultPath.isEmpty()) {
            return raw;
        }
        return resultPath.get().set(raw, result).orElseThrow(() -> new StatesError(
                StatesError.RESULT_PATH_MATCH_FAILURE,
                "Unable to apply ResultPath '" + resultPath.get() + "' to the state's input"));
    }
}
