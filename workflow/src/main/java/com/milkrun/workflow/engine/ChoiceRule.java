package com.milkrun.workflow.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One rule of a Choice state: a comparison of the input's {@code Variable} with a value or another path, a type
 * test, or And / Or / Not of rules.
 */
public sealed interface ChoiceRule {
    /** Fields a rule may carry besides its operator. */
    Set<String> RULE_FIELDS = Set.of("Variable", "Next", "Comment");

    /**
     * Whether {@code input} (the Choice state's effective input) satisfies this rule.
     *
     * @throws RuntimeException a {@code States.Runtime} error when a compared path names nothing in the input
     */
    boolean matches(JsonNode input);

    /**
     * @throws InvalidDefinition when {@code rule} is not a supported rule
     */
    static ChoiceRule parse(JsonNode rule) {
        if (rule == null || !rule.isObject()) {
            throw new InvalidDefinition("a Choice rule must be a JSON object");
        }
        if (rule.has("And") || rule.has("Or")) {
            boolean and = rule.has("And");
            JsonNode list = rule.get(and ? "And" : "Or");
            if (!list.isArray() || list.isEmpty()) {
                throw new InvalidDefinition((and ? "And" : "Or") + " must be a non-empty array of rules");
            }
            List<ChoiceRule> rules = new ArrayList<>();
            list.forEach(r -> rules.add(parse(r)));
            return and ? new And(rules) : new Or(rules);
        }
        if (rule.has("Not")) {
            return new Not(parse(rule.get("Not")));
        }
        JsonNode variable = rule.get("Variable");
        if (variable == null || !variable.isTextual()) {
            throw new InvalidDefinition("a Choice rule needs a Variable (or And, Or, Not): " + rule);
        }
        ReferencePath path = ReferencePath.parse(variable.asText());
        List<String> operators = new ArrayList<>();
        for (var field : rule.properties()) {
            if (!RULE_FIELDS.contains(field.getKey())) {
                operators.add(field.getKey());
            }
        }
        if (operators.size() != 1) {
            throw new InvalidDefinition("a Choice rule needs exactly one comparison operator, found " + operators
                    + " in " + rule);
        }
        String operator = operators.get(0);
        JsonNode operand = rule.get(operator);
        if (TypeTest.OPERATORS.contains(operator)) {
            if (!operand.isBoolean()) {
                throw new InvalidDefinition(operator + " takes true or false, not " + operand);
            }
            return new TypeTest(path, operator, operand.asBoolean());
        }
        return Comparison.of(path, operator, operand);
    }

    /** All of the rules match. */
    record And(List<ChoiceRule> rules) implements ChoiceRule {
        public And {
            rules = List.copyOf(rules);
        }

        @Override
        public boolean matches(JsonNode input) {
            return rules.stream().allMatch(r -> r.matches(input));
        }
    }

    /** At least one of the rules matches. */
    record Or(List<ChoiceRule> rules) implements ChoiceRule {
        public Or {
            rules = List.copyOf(rules);
        }

        @Override
        public boolean matches(JsonNode input) {
            return rules.stream().anyMatch(r -> r.matches(input));
        }
    }

    /** The rule does not match. */
    record Not(ChoiceRule rule) implements ChoiceRule {
        @Override
        public boolean matches(JsonNode input) {
            return !rule.matches(input);
        }
    }

    /**
     * {@code IsPresent}, {@code IsNull}, {@code IsString}, {@code IsNumeric}, {@code IsBoolean} or
     * {@code IsTimestamp}: whether the variable is (or, with {@code expected} false, is not) of that kind. A missing
     * variable is of no kind.
     */
    record TypeTest(ReferencePath variable, String operator, boolean expected) implements ChoiceRule {
        static final Set<String> OPERATORS =
                Set.of("IsPresent", "IsNull", "IsString", "IsNumeric", "IsBoolean", "IsTimestamp");

        @Override
        public boolean matches(JsonNode input) {
            Optional<JsonNode> value = variable.read(input);
            boolean is = switch (operator) {
                case "IsPresent" -> value.isPresent();
                case "IsNull" -> value.map(JsonNode::isNull).orElse(false);
                case "IsString" -> value.map(JsonNode::isTextual).orElse(false);
                case "IsNumeric" -> value.map(JsonNode::isNumber).orElse(false);
                case "IsBoolean" -> value.map(JsonNode::isBoolean).orElse(false);
                case "IsTimestamp" -> value.flatMap(Comparison::timestamp).isPresent();
                default -> throw new IllegalStateException(operator);
            };
            return is == expected;
        }
    }

    /**
     * A comparison such as {@code NumericGreaterThan} of the variable with a literal {@code value}, or (operators
     * ending in {@code Path}) with the node {@code valuePath} names. A variable or value of the wrong type does not
     * match; a variable or value path naming nothing is a {@code States.Runtime} error.
     *
     * @param value     the literal operand, or null with a {@code valuePath}
     * @param valuePath the operand's path, or null with a literal {@code value}
     */
    record Comparison(ReferencePath variable, String operator, JsonNode value, ReferencePath valuePath)
            implements ChoiceRule {
        private static final List<String> KINDS = List.of("String", "Numeric", "Boolean", "Timestamp");
        private static final List<String> RELATIONS =
                List.of("Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals", "Matches");

        static Comparison of(ReferencePath variable, String operator, JsonNode operand) {
            boolean byPath = operator.endsWith("Path");
            String base = byPath ? operator.substring(0, operator.length() - 4) : operator;
            String kind = kind(base);
            String relation = kind == null ? null : base.substring(kind.length());
            boolean supported = kind != null && RELATIONS.contains(relation)
                    && (!relation.equals("Matches") || (kind.equals("String") && !byPath))
                    && (!kind.equals("Boolean") || relation.equals("Equals"));
            if (!supported) {
                throw new InvalidDefinition("unsupported Choice operator " + operator);
            }
            if (byPath) {
                if (!operand.isTextual()) {
                    throw new InvalidDefinition(operator + " takes a path, not " + operand);
                }
                return new Comparison(variable, operator, null, ReferencePath.parse(operand.asText()));
            }
            boolean fits = switch (kind) {
                case "String" -> operand.isTextual();
                case "Numeric" -> operand.isNumber();
                case "Boolean" -> operand.isBoolean();
                default -> timestamp(operand).isPresent();
            };
            if (!fits) {
                throw new InvalidDefinition(operator + " cannot compare with " + operand);
            }
            return new Comparison(variable, operator, operand.deepCopy(), null);
        }

        private static String kind(String base) {
            return KINDS.stream().filter(base::startsWith).findFirst().orElse(null);
        }

        @Override
        public boolean matches(JsonNode input) {
            JsonNode actual = variable.read(input).orElseThrow(() -> StatesError.runtime(
                    "Invalid path '" + variable + "': the Choice rule's Variable names nothing in the input"));
            JsonNode expected = valuePath == null ? value : valuePath.read(input).orElseThrow(() ->
                    StatesError.runtime("Invalid path '" + valuePath + "': the " + operator
                            + " path names nothing in the input"));
            String base = operator.endsWith("Path") ? operator.substring(0, operator.length() - 4) : operator;
            String kind = kind(base);
            String relation = base.substring(kind.length());
            if (relation.equals("Matches")) {
                return actual.isTextual() && wildcard(expected.asText()).matcher(actual.asText()).matches();
            }
            Integer order = switch (kind) {
                case "String" -> actual.isTextual() && expected.isTextual()
                        ? actual.asText().compareTo(expected.asText()) : null;
                case "Numeric" -> actual.isNumber() && expected.isNumber()
                        ? actual.decimalValue().compareTo(expected.decimalValue()) : null;
                case "Boolean" -> actual.isBoolean() && expected.isBoolean()
                        ? (actual.asBoolean() == expected.asBoolean() ? 0 : 1) : null;
                default -> {
                    Optional<Instant> a = timestamp(actual);
                    Optional<Instant> b = timestamp(expected);
                    yield a.isPresent() && b.isPresent() ? a.get().compareTo(b.get()) : null;
                }
            };
            if (order == null) {
                return false;
            }
            return switch (relation) {
                case "Equals" -> order == 0;
                case "LessThan" -> order < 0;
                case "GreaterThan" -> order > 0;
                case "LessThanEquals" -> order <= 0;
                default -> order >= 0;
            };
        }

        /** An ISO-8601 timestamp with an offset (such as {@code 2026-03-01T06:00:00Z}), or empty. */
        static Optional<Instant> timestamp(JsonNode node) {
            if (!node.isTextual()) {
                return Optional.empty();
            }
            try {
                return Optional.of(OffsetDateTime.parse(node.asText()).toInstant());
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }

        /** {@code *} matches any run of characters; {@code \*} and {@code \\} stand for themselves. */
        static Pattern wildcard(String pattern) {
            StringBuilder regex = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\' && i + 1 < pattern.length()) {
                    literal.append(pattern.charAt(++i));
                } else if (c == '*') {
                    regex.append(Pattern.quote(literal.toString())).append(".*");
                    literal.setLength(0);
                } else {
                    literal.append(c);
                }
            }
            regex.append(Pattern.quote(literal.toString()));
            return Pattern.compile(regex.toString(), Pattern.DOTALL);
        }
    }
}
