package com.milkrun.store.dynamo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing the attribute values of MilkRun's items: strings, numbers, instants (ISO-8601 strings). */
public final class Attr {
    private Attr() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue n(BigDecimal value) {
        return AttributeValue.fromN(value.toPlainString());
    }

    public static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    /** An instant as its ISO-8601 string, which sorts like the instant for the years MilkRun stores. */
    public static AttributeValue time(Instant value) {
        return AttributeValue.fromS(value.toString());
    }

    public static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("item has no string attribute " + name);
        }
        return value.s();
    }

    public static Optional<String> optionalString(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }

    public static int integer(Map<String, AttributeValue> item, String name) {
        return Math.toIntExact(longValue(item, name));
    }

    public static long longValue(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalStateException("item has no number attribute " + name);
        }
        return Long.parseLong(value.n());
    }

    public static BigDecimal decimal(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.n() == null) {
            throw new IllegalStateException("item has no number attribute " + name);
        }
        return new BigDecimal(value.n());
    }

    public static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    public static Instant time(Map<String, AttributeValue> item, String name) {
        return Instant.parse(string(item, name));
    }

    public static Optional<Instant> optionalTime(Map<String, AttributeValue> item, String name) {
        return optionalString(item, name).map(Instant::parse);
    }
}
