package com.milkrun.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.milkrun.shared.FieldError;
import com.milkrun.shared.Input;
import com.milkrun.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Typed reads of the fields of a JSON request body. A field of the wrong type is recorded as an error (the read
 * returns null) so that one answer lists every wrong type; call {@link #throwIfWrongTypes()} after reading.
 * Absent and {@code null} fields read as null: whether they are required is the use case's business.
 */
public final class Body {
    private final JsonNode root;
    private final List<FieldError> errors = new ArrayList<>();

    Body(JsonNode root) {
        this.root = root;
    }

    public String string(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            wrongType(field, "a string");
            return null;
        }
        return node.textValue();
    }

    public BigDecimal decimal(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            wrongType(field, "a number");
            return null;
        }
        return node.decimalValue();
    }

    public Integer integer(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            wrongType(field, "a whole number");
            return null;
        }
        BigDecimal value = node.decimalValue();
        if (value.stripTrailingZeros().scale() > 0) {
            errors.add(new FieldError(field, field + " must be a whole number", "NON_INTEGER"));
            return null;
        }
        if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 || value.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
            errors.add(new FieldError(field, field + " is out of range", "OUT_OF_RANGE"));
            return null;
        }
        return value.intValueExact();
    }

    public Boolean bool(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            wrongType(field, "true or false");
            return null;
        }
        return node.booleanValue();
    }

    public List<String> strings(String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            wrongType(field, "a list of strings");
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                wrongType(field + "[" + i + "]", "a string");
                return null;
            }
            values.add(item.textValue());
        }
        return values;
    }

    /** The field as text, telling a left-out field from one of another JSON type; records no error. */
    public Input<String> textInput(String field) {
        return input(field, JsonNode::isTextual, JsonNode::textValue);
    }

    /** The field as a number, telling a left-out field from one of another JSON type; records no error. */
    public Input<BigDecimal> numberInput(String field) {
        return input(field, JsonNode::isNumber, JsonNode::decimalValue);
    }

    /** The field as true or false, telling a left-out field from one of another JSON type; records no error. */
    public Input<Boolean> flagInput(String field) {
        return input(field, JsonNode::isBoolean, JsonNode::booleanValue);
    }

    /**
     * The field as a list of objects, each read as a body of its own: empty when the field is left out or not a
     * list; an element that is not an object reads as empty.
     */
    public List<Optional<Body>> objects(String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isArray()) {
            return List.of();
        }
        List<Optional<Body>> items = new ArrayList<>();
        node.forEach(item -> items.add(item.isObject() ? Optional.of(new Body(item)) : Optional.empty()));
        return items;
    }

    private <T> Input<T> input(String field, Predicate<JsonNode> expected, Function<JsonNode, T> value) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Input.absent();
        }
        return expected.test(node) ? Input.of(value.apply(node)) : Input.wrongType();
    }

    /** @throws ValidationException listing every field that had the wrong JSON type */
    public void throwIfWrongTypes() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private void wrongType(String field, String expected) {
        errors.add(new FieldError(field, field + " must be " + expected, "INVALID_TYPE"));
    }
}
