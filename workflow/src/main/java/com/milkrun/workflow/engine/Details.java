package com.milkrun.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * The JSON details of history events, kept small (under about 4 KB) so that a run's history stays cheap to store
 * and to show: long strings and large documents are cut to a preview.
 */
final class Details {
    private static final int MAX_DOCUMENT = 3000;
    private static final int MAX_TEXT = 1000;

    private Details() {
    }

    /** A document (a state's input or output) as the detail itself, or a preview of it when it is large. */
    static String document(JsonNode node) {
        return document(Json.write(node));
    }

    /** {@link #document(JsonNode)} of a document already written as JSON. */
    static String document(String json) {
        if (json.length() <= MAX_DOCUMENT) {
            return json;
        }
        ObjectNode preview = Json.object();
        preview.put("truncated", true);
        preview.put("preview", json.substring(0, MAX_DOCUMENT));
        return Json.write(preview);
    }

    /** An object of the given names and values (strings, numbers, booleans, documents, or anything by toString). */
    static String fields(Object... namesAndValues) {
        ObjectNode detail = Json.object();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            Object value = namesAndValues[i + 1];
            switch (value) {
                case null -> detail.putNull(name);
                case JsonNode node -> {
                    String json = Json.write(node);
                    if (json.length() <= MAX_DOCUMENT) {
                        detail.putRawValue(name, new RawValue(json)); // written once, not again with the detail
                    } else {
                        detail.put(name, json.substring(0, MAX_DOCUMENT) + "…");
                        detail.put(name + "Truncated", true);
                    }
                }
                case Integer n -> detail.put(name, n);
                case Long n -> detail.put(name, n);
                case Boolean b -> detail.put(name, b);
                default -> detail.put(name, text(value.toString()));
            }
        }
        return Json.write(detail);
    }

    static String text(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
