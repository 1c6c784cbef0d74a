package com.milkrun.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A Parameters or ResultSelector template: a JSON value copied as written, except that a field whose name ends in
 * {@code .$} takes (under its name without {@code .$}) the node its path names: {@code $...} in the input,
 * {@code $$...} in the context object. Objects and arrays are processed at every depth.
 */
public final class PayloadTemplate {
    private static final String PATH_SUFFIX = ".$";

    private final JsonNode template;

    private PayloadTemplate(JsonNode template) {
        this.template = template;
    }

    /**
     * @throws InvalidDefinition when a {@code .$} field's value is not a reference path (intrinsic functions such
     *                            as {@code States.Format} are not supported)
     */
    public static PayloadTemplate of(JsonNode template) {
        if (template == null || !template.isObject()) {
            throw new InvalidDefinition("a payload template must be a JSON object");
        }
        check(template);
        return new PayloadTemplate(template.deepCopy());
    }

    private static void check(JsonNode node) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().endsWith(PATH_SUFFIX)) {
                    JsonNode value = field.getValue();
                    if (!value.isTextual()) {
                        throw new InvalidDefinition("the value of '" + field.getKey() + "' must be a path");
                    }
                    if (value.asText().startsWith("States.")) {
                        throw new InvalidDefinition("'" + field.getKey() + "': intrinsic functions such as "
                                + value.asText() + " are not supported");
                    }
                    pathOf(value.asText());
                } else {
                    check(field.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(PayloadTemplate::check);
        }
    }

    private static ReferencePath pathOf(String text) {
        return ReferencePath.parse(text.startsWith("$$") ? text.substring(1) : text);
    }

    /**
     * The template filled in from {@code input} and {@code context}.
     *
     * @throws StatesError {@code States.Runtime} when a path names nothing
     */
    JsonNode apply(JsonNode input, JsonNode context) {
        return fill(template, input, context);
    }

    private static JsonNode fill(JsonNode node, JsonNode input, JsonNode context) {
        if (node.isObject()) {
            ObjectNode out = Json.object();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                if (key.endsWith(PATH_SUFFIX)) {
                    String path = field.getValue().asText();
                    JsonNode source = path.startsWith("$$") ? context : input;
                    JsonNode value = pathOf(path).read(source).orElseThrow(() -> StatesError.runtime(
                            "The JSONPath '" + path + "' specified for the field '" + key
                                    + "' could not be found in the " + (source == context ? "context object" : "input")));
                    out.set(key.substring(0, key.length() - PATH_SUFFIX.length()), value.deepCopy());
                } else {
                    out.set(key, fill(field.getValue(), input, context));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Json.MAPPER.createArrayNode();
            node.forEach(element -> out.add(fill(element, input, context)));
            return out;
        }
        return node.deepCopy();
    }

    @Override
    public String toString() {
        return template.toString();
    }
}
