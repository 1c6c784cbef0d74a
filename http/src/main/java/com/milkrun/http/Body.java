package com.milkrun.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.milkrun.shared.FieldError;
import com.milkrun.shared.ValidationException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The field as plain Java values, whatever its JSON type: {@code String}, {@code BigDecimal}, {@code Boolean},
     * {@code List}, {@code Map} or null. For use cases that report type mistakes with their own codes.
     */
    public Object raw(String field) {
        return plain(root.get(field));
    }

    private static Object plain(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(item -> list.add(plain(item)));
            return list;
        }
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
        return map;
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
