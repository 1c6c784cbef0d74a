package com.milkrun.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An Amazon States Language reference path: a JSONPath naming a single node, such as {@code $}, {@code $.order.id},
 * {@code $['order id']} or {@code $.lines[0]}. Wildcards, filters and {@code ..} are not reference paths and are
 * refused. Reference paths can both read a node and set one (ResultPath).
 */
public final class ReferencePath {
    /** {@code $}: the whole document. */
    public static final ReferencePath ROOT = new ReferencePath("$", List.of());

    private sealed interface Segment permits Field, Index {
    }

    private record Field(String name) implements Segment {
    }

    private record Index(int index) implements Segment {
    }

    private final String text;
    private final List<Segment> segments;

    private ReferencePath(String text, List<Segment> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /**
     * @throws InvalidDefinition when {@code text} is not a reference path
     */
    public static ReferencePath parse(String text) {
        if (text == null || !text.startsWith("$")) {
            throw invalid(text, "it must start with $");
        }
        List<Segment> segments = new ArrayList<>();
        int i = 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (name.isEmpty() || name.equals("*")) {
                    throw invalid(text, "only single fields can be named (no .. and no *)");
                }
                segments.add(new Field(name));
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw invalid(text, "a [ is not closed");
                }
                String inside = text.substring(i + 1, close);
                if (inside.matches("\\d+")) {
                    segments.add(new Index(Integer.parseInt(inside)));
                } else if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
                        && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
                    segments.add(new Field(inside.substring(1, inside.length() - 1)));
                } else {
                    throw invalid(text, "[" + inside + "] is neither an index nor a quoted field name");
                }
                i = close + 1;
            } else {
                throw invalid(text, "unexpected '" + c + "' at position " + i);
            }
        }
        return segments.isEmpty() ? ROOT : new ReferencePath(text, segments);
    }

    private static InvalidDefinition invalid(String text, String why) {
        return new InvalidDefinition("'" + text + "' is not a reference path: " + why);
    }

    /** Whether this is {@code $}. */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The node this path names in {@code document}, or empty when it names nothing there. */
    public Optional<JsonNode> read(JsonNode document) {
        JsonNode current = document;
        for (Segment segment : segments) {
            current = child(current, segment);
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(current);
    }

    /**
     * A copy of {@code document} with {@code value} at this path, creating missing objects on the way ({@code $}
     * gives {@code value} itself). Empty when the path cannot be set there: the document or a node on the way is
     * not an object (or, for an index, an array long enough).
     */
    public Optional<JsonNode> set(JsonNode document, JsonNode value) {
        if (segments.isEmpty()) {
            return Optional.of(value);
        }
        if (document == null || !document.isContainerNode()) {
            return Optional.empty();
        }
        JsonNode root = document.deepCopy();
        JsonNode current = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            Segment segment = segments.get(i);
            JsonNode next = child(current, segment);
            if (next == null || next.isNull()) {
                if (!(segment instanceof Field field) || !(current instanceof ObjectNode object)) {
                    return Optional.empty();
                }
                next = object.putObject(field.name());
            } else if (!next.isContainerNode()) {
                return Optional.empty();
            }
            current = next;
        }
        Segment last = segments.get(segments.size() - 1);
        if (last instanceof Field field && current instanceof ObjectNode object) {
            object.set(field.name(), value);
            return Optional.of(root);
        }
        if (last instanceof Index index && current instanceof ArrayNode array && index.index() < array.size()) {
            array.set(index.index(), value);
            return Optional.of(root);
        }
        return Optional.empty();
    }

    private static JsonNode child(JsonNode node, Segment segment) {
        return switch (segment) {
            case Field field -> node.isObject() ? node.get(field.name()) : null;
            case Index index -> node.isArray() ? node.get(index.index()) : null;
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReferencePath path && path.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
