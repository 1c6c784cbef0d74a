package com.milkrun.workflow.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed and checked Amazon States Language definition: Task, Choice, Pass, Wait, Succeed and Fail states (no
 * Parallel or Map), with Retry, Catch and the input and output paths.
 */
public final class StateMachine {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern FUNCTION_ARN = Pattern.compile("\\$\\{([A-Za-z0-9_-]+)FunctionArn}");
    private static final String LOCAL_FUNCTION_PREFIX = "arn:aws:lambda:local:000000000000:function:";
    private static final int DEFAULT_TASK_TIMEOUT_SECONDS = 60;

    private final String startAt;
    private final Map<String, State> states;
    private final OptionalLong timeoutSeconds;

    private StateMachine(String startAt, Map<String, State> states, OptionalLong timeoutSeconds) {
        this.startAt = startAt;
        this.states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        this.timeoutSeconds = timeoutSeconds;
    }

    /**
     * Parses {@code aslJson} after replacing each {@code ${Name}} in its text with {@code substitutions.get(Name)},
     * as Step Functions' DefinitionSubstitutions do.
     *
     * @throws InvalidDefinition naming every problem found: a placeholder without a substitution, JSON that does not
     *                            parse, a missing StartAt state, a Next, Default or Catch naming no state, an
     *                            unsupported state type, a Task without Resource, a state that neither goes on nor
     *                            ends, a malformed path, Choice rule, Retry or Catch
     */
    public static StateMachine parse(String aslJson, Map<String, String> substitutions) {
        String text = substitute(aslJson, substitutions);
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinition("The state machine definition is not valid JSON: " + e.getOriginalMessage());
        }
        return new Parser(root).machine();
    }

    /**
     * Parses a definition to run locally: each {@code ${XxxFunctionArn}} placeholder becomes the local Lambda ARN of
     * the function {@code Xxx} ({@link #localSubstitutions}), so that every Task runs the handler named {@code Xxx}.
     */
    public static StateMachine local(String aslJson) {
        return parse(aslJson, localSubstitutions(aslJson));
    }

    /**
     * For each {@code ${XxxFunctionArn}} in {@code aslJson}: {@code XxxFunctionArn} to a local Lambda ARN of the
     * function {@code Xxx}, so that {@link #taskName(String)} gives back {@code Xxx}, the handler's name.
     */
    public static Map<String, String> localSubstitutions(String aslJson) {
        Map<String, String> substitutions = new TreeMap<>();
        Matcher matcher = FUNCTION_ARN.matcher(aslJson);
        while (matcher.find()) {
            substitutions.put(matcher.group(1) + "FunctionArn", LOCAL_FUNCTION_PREFIX + matcher.group(1));
        }
        return substitutions;
    }

    /**
     * The handler name of a Task's {@code Resource}: the function name of a Lambda ARN (without a version or alias
     * qualifier), or the resource itself when it is not a Lambda ARN.
     */
    public static String taskName(String resource) {
        int at = resource.indexOf("function:");
        if (at < 0) {
            return resource;
        }
        String name = resource.substring(at + "function:".length());
        int qualifier = name.indexOf(':');
        return qualifier < 0 ? name : name.substring(0, qualifier);
    }

    private static String substitute(String text, Map<String, String> substitutions) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        Set<String> unresolved = new TreeSet<>();
        while (matcher.find()) {
            String value = substitutions.get(matcher.group(1));
            if (value == null) {
                unresolved.add("${" + matcher.group(1) + "}");
                value = matcher.group();
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        if (!unresolved.isEmpty()) {
            throw new InvalidDefinition("The state machine definition has placeholders without a substitution: "
                    + String.join(", ", unresolved));
        }
        return out.toString();
    }

    public String startAt() {
        return startAt;
    }

    /**
     * @throws IllegalArgumentException when the definition has no state of that name
     */
    public State state(String name) {
        State state = states.get(name);
        if (state == null) {
            throw new IllegalArgumentException("The state machine has no state " + name);
        }
        return state;
    }

    /** The state of that name, or empty (a run stored under an older definition may name a state gone since). */
    public Optional<State> find(String name) {
        return Optional.ofNullable(states.get(name));
    }

    /** Every state by name, in the order of the definition. */
    public Map<String, State> states() {
        return states;
    }

    /** The Resource of every Task state. */
    public Set<String> taskResources() {
        Set<String> resources = new LinkedHashSet<>();
        states.values().forEach(s -> {
            if (s instanceof State.Task task) {
                resources.add(task.resource());
            }
        });
        return Collections.unmodifiableSet(resources);
    }

    /** The handler names of every Task state (see {@link #taskName(String)}). */
    public Set<String> taskNames() {
        Set<String> names = new LinkedHashSet<>();
        taskResources().forEach(r -> names.add(taskName(r)));
        return Collections.unmodifiableSet(names);
    }

    /** The definition's top-level {@code TimeoutSeconds}: how long a run may take in all. */
    public OptionalLong timeoutSeconds() {
        return timeoutSeconds;
    }

    /** Reads a definition's JSON into states, collecting every problem before giving up. */
    private static final class Parser {
        private static final Set<String> TYPES = Set.of("Task", "Choice", "Pass", "Wait", "Succeed", "Fail");

        private final JsonNode root;
        private final List<String> problems = new ArrayList<>();
        private String where = "";

        Parser(JsonNode root) {
            this.root = root;
        }

        StateMachine machine() {
            if (root == null || !root.isObject()) {
                throw new InvalidDefinition("The state machine definition must be a JSON object");
            }
            String startAt = text(root, "StartAt");
            JsonNode statesNode = root.get("States");
            Map<String, State> states = new LinkedHashMap<>();
            if (statesNode == null || !statesNode.isObject() || statesNode.isEmpty()) {
                problems.add("States must be a non-empty object");
            } else {
                for (Map.Entry<String, JsonNode> entry : statesNode.properties()) {
                    where = "State '" + entry.getKey() + "': ";
                    State state = state(entry.getKey(), entry.getValue());
                    if (state != null) {
                        states.put(entry.getKey(), state);
                    }
                }
                where = "";
            }
            if (startAt == null) {
                problems.add("StartAt is missing");
            } else if (statesNode != null && statesNode.isObject() && !statesNode.has(startAt)) {
                problems.add("StartAt names no state: '" + startAt + "'");
            }
            for (State state : states.values()) {
                for (String next : state.successors()) {
                    if (statesNode != null && !statesNode.has(next)) {
                        problems.add("State '" + state.name() + "': goes to '" + next + "', which is no state");
                    }
                }
            }
            OptionalLong timeout = OptionalLong.empty();
            if (root.has("TimeoutSeconds")) {
                JsonNode t = root.get("TimeoutSeconds");
                if (t.canConvertToLong() && t.isIntegralNumber() && t.asLong() > 0) {
                    timeout = OptionalLong.of(t.asLong());
                } else {
                    problems.add("TimeoutSeconds must be a positive integer");
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidDefinition("Invalid state machine definition: " + String.join("; ", problems));
            }
            return new StateMachine(startAt, states, timeout);
        }

        private State state(String name, JsonNode node) {
            if (!node.isObject()) {
                problems.add(where + "must be a JSON object");
                return null;
            }
            try {
                String type = text(node, "Type");
                if (type == null) {
                    throw new InvalidDefinition("Type is missing");
                }
                if (!TYPES.contains(type)) {
                    throw new InvalidDefinition("Type " + type + " is not supported (supported: Task, Choice, Pass, "
                            + "Wait, Succeed, Fail)");
                }
                return switch (type) {
                    case "Task" -> task(name, node);
                    case "Pass" -> new State.Pass(name, path(node, "InputPath"), template(node, "Parameters"),
                            Optional.ofNullable(node.get("Result")).map(JsonNode::deepCopy), path(node, "ResultPath"),
                            path(node, "OutputPath"), next(node));
                    case "Choice" -> choice(name, node);
                    case "Wait" -> waitState(name, node);
                    case "Succeed" -> new State.Succeed(name, path(node, "InputPath"), path(node, "OutputPath"));
                    default -> new State.Fail(name, Optional.ofNullable(text(node, "Error")),
                            optionalPath(node, "ErrorPath"), Optional.ofNullable(text(node, "Cause")),
                            optionalPath(node, "CausePath"));
                };
            } catch (InvalidDefinition e) {
                problems.add(where + e.getMessage());
                return null;
            }
        }

        private State.Task task(String name, JsonNode node) {
            String resource = text(node, "Resource");
            if (resource == null || resource.isBlank()) {
                throw new InvalidDefinition("a Task needs a Resource");
            }
            int timeout = DEFAULT_TASK_TIMEOUT_SECONDS;
            if (node.has("TimeoutSeconds")) {
                JsonNode t = node.get("TimeoutSeconds");
                if (!t.isIntegralNumber() || t.asInt() <= 0) {
                    throw new InvalidDefinition("TimeoutSeconds must be a positive integer");
                }
                timeout = t.asInt();
            }
            return new State.Task(name, resource, path(node, "InputPath"), template(node, "Parameters"),
                    template(node, "ResultSelector"), path(node, "ResultPath"), path(node, "OutputPath"), timeout,
                    list(node, "Retry", this::retrier), list(node, "Catch", this::catcher), next(node));
        }

        private State.Retrier retrier(JsonNode node) {
            List<String> errors = errorEquals(node);
            long interval = integer(node, "IntervalSeconds", 1, 1);
            long maxAttempts = integer(node, "MaxAttempts", 3, 0);
            double backoff = 2.0;
            if (node.has("BackoffRate")) {
                JsonNode b = node.get("BackoffRate");
                if (!b.isNumber() || b.asDouble() < 1.0) {
                    throw new InvalidDefinition("BackoffRate must be a number of at least 1.0");
                }
                backoff = b.asDouble();
            }
            Optional<Long> maxDelay = node.has("MaxDelaySeconds")
                    ? Optional.of(integer(node, "MaxDelaySeconds", 0, 1)) : Optional.empty();
            return new State.Retrier(errors, interval, (int) Math.min(maxAttempts, Integer.MAX_VALUE), backoff,
                    maxDelay);
        }

        private State.Catcher catcher(JsonNode node) {
            String next = text(node, "Next");
            if (next == null) {
                throw new InvalidDefinition("a Catch needs a Next");
            }
            return new State.Catcher(errorEquals(node), path(node, "ResultPath"), next);
        }

        private static List<String> errorEquals(JsonNode node) {
            JsonNode errors = node.get("ErrorEquals");
            if (errors == null || !errors.isArray() || errors.isEmpty()) {
                throw new InvalidDefinition("ErrorEquals must be a non-empty array of error names");
            }
            List<String> names = new ArrayList<>();
            errors.forEach(e -> {
                if (!e.isTextual()) {
                    throw new InvalidDefinition("ErrorEquals must hold error names, not " + e);
                }
                names.add(e.asText());
            });
            return names;
        }

        private State.Choice choice(String name, JsonNode node) {
            JsonNode choices = node.get("Choices");
            if (choices == null || !choices.isArray() || choices.isEmpty()) {
                throw new InvalidDefinition("a Choice needs a non-empty Choices array");
            }
            if (node.has("Next") || node.has("End")) {
                throw new InvalidDefinition("a Choice goes on by its Choices and Default, not Next or End");
            }
            List<State.Branch> branches = new ArrayList<>();
            for (JsonNode rule : choices) {
                String next = text(rule, "Next");
                if (next == null) {
                    throw new InvalidDefinition("every rule of Choices needs a Next");
                }
                branches.add(new State.Branch(ChoiceRule.parse(rule), next));
            }
            return new State.Choice(name, path(node, "InputPath"), path(node, "OutputPath"), branches,
                    Optional.ofNullable(text(node, "Default")));
        }

        private State.Wait waitState(String name, JsonNode node) {
            List<String> given = new ArrayList<>();
            for (String field : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
                if (node.has(field)) {
                    given.add(field);
                }
            }
            if (given.size() != 1) {
                throw new InvalidDefinition("a Wait needs exactly one of Seconds, SecondsPath, Timestamp, "
                        + "TimestampPath");
            }
            Optional<Long> seconds = node.has("Seconds") ? Optional.of(integer(node, "Seconds", 0, 0))
                    : Optional.empty();
            Optional<Instant> timestamp = Optional.empty();
            if (node.has("Timestamp")) {
                timestamp = ChoiceRule.Comparison.timestamp(node.get("Timestamp"));
                if (timestamp.isEmpty()) {
                    throw new InvalidDefinition("Timestamp must be an ISO-8601 timestamp such as "
                            + "2026-03-01T06:00:00Z");
                }
            }
            return new State.Wait(name, path(node, "InputPath"), path(node, "OutputPath"), seconds,
                    optionalPath(node, "SecondsPath"), timestamp, optionalPath(node, "TimestampPath"), next(node));
        }

        /** Where a non-terminal state goes: its Next, or empty with {@code "End": true}; exactly one of the two. */
        private static Optional<String> next(JsonNode node) {
            boolean end = node.has("End") && node.get("End").asBoolean(false);
            String next = text(node, "Next");
            if (end == (next != null)) {
                throw new InvalidDefinition("needs either Next or \"End\": true");
            }
            return Optional.ofNullable(next);
        }

        /** A path field: absent is {@code $}, JSON null is empty. */
        private static Optional<ReferencePath> path(JsonNode node, String field) {
            if (!node.has(field)) {
                return Optional.of(ReferencePath.ROOT);
            }
            JsonNode value = node.get(field);
            if (value.isNull()) {
                return Optional.empty();
            }
            if (!value.isTextual()) {
                throw new InvalidDefinition(field + " must be a path or null");
            }
            return Optional.of(parsePath(field, value.asText()));
        }

        private static Optional<ReferencePath> optionalPath(JsonNode node, String field) {
            String text = text(node, field);
            return text == null ? Optional.empty() : Optional.of(parsePath(field, text));
        }

        private static ReferencePath parsePath(String field, String text) {
            try {
                return ReferencePath.parse(text);
            } catch (InvalidDefinition e) {
                throw new InvalidDefinition(field + ": " + e.getMessage());
            }
        }

        private static Optional<PayloadTemplate> template(JsonNode node, String field) {
            if (!node.has(field)) {
                return Optional.empty();
            }
            try {
                return Optional.of(PayloadTemplate.of(node.get(field)));
            } catch (InvalidDefinition e) {
                throw new InvalidDefinition(field + ": " + e.getMessage());
            }
        }

        private static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> element) {
            if (!node.has(field)) {
                return List.of();
            }
            JsonNode array = node.get(field);
            if (!array.isArray()) {
                throw new InvalidDefinition(field + " must be an array");
            }
            List<T> items = new ArrayList<>();
            array.forEach(item -> {
                if (!item.isObject()) {
                    throw new InvalidDefinition(field + " must hold objects");
                }
                items.add(element.apply(item));
            });
            return items;
        }

        private static long integer(JsonNode node, String field, long absent, long min) {
            if (!node.has(field)) {
                return absent;
            }
            JsonNode value = node.get(field);
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min) {
                throw new InvalidDefinition(field + " must be an integer of at least " + min);
            }
            return value.asLong();
        }

        private static String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw new InvalidDefinition(field + " must be a string");
            }
            return value.asText();
        }
    }
}
