package com.milkrun.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a CloudFormation/SAM template against the CloudFormation resource specification (the JSON document AWS
 * publishes, with SAM's resource types in it): every resource type exists; every property is one its type has, down
 * through the nested property types; every required property is set (for SAM functions, by the function or the
 * template's {@code Globals}); values have the specified shape (a list where a list is due, a number where a number
 * is due, and so on); every {@code Ref}, {@code Fn::GetAtt} and {@code ${...}} of {@code Fn::Sub} names a parameter, a
 * resource or a pseudo parameter, and an attribute its resource type has. Intrinsic functions stand for values of any
 * shape. Answers the problems found, one line each; none means the template passed.
 */
final class ResourceSpecificationCheck {
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}!][^}]*)}");
    private static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",
            "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");

    private final JsonNode specification;
    private final Map<String, Set<String>> newerThanSpecification;
    private final List<String> problems = new ArrayList<>();
    private JsonNode template;

    /**
     * @param newerThanSpecification per resource type, properties the type gained after the specification was
     *                               published (their values are not checked)
     */
    ResourceSpecificationCheck(JsonNode specification, Map<String, Set<String>> newerThanSpecification) {
        this.specification = specification;
        this.newerThanSpecification = newerThanSpecification;
    }

    List<String> check(JsonNode template) {
        this.template = template;
        problems.clear();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            checkResource(resource.getKey(), resource.getValue());
        }
        checkReferences("Outputs", template.path("Outputs"));
        return List.copyOf(problems);
    }

    private void checkResource(String name, JsonNode resource) {
        String type = resource.path("Type").asText();
        JsonNode spec = specification.path("ResourceTypes").path(type);
        if (spec.isMissingNode()) {
            problems.add(name + ": resource type " + type + " does not exist");
            return;
        }
        JsonNode properties = resource.path("Properties");
        Set<String> newer = newerThanSpecification.getOrDefault(type, Set.of());
        checkObject(name, type, properties, spec.path("Properties"), newer);
        Set<String> given = new HashSet<>();
        properties.fieldNames().forEachRemaining(given::add);
        if (type.equals("AWS::Serverless::Function")) {
            template.path("Globals").path("Function").fieldNames().forEachRemaining(given::add);
        }
        spec.path("Properties").fields().forEachRemaining(p -> {
            if (p.getValue().path("Required").asBoolean() && !given.contains(p.getKey())) {
                problems.add(name + ": required property " + p.getKey() + " of " + type + " is not set");
            }
        });
        checkReferences(name, resource);
    }

    /** The properties of one object against {@code specs} (a specification's "Properties"). */
    private void checkObject(String where, String resourceType, JsonNode value, JsonNode specs, Set<String> newer) {
        if (isIntrinsic(value)) {
            return;
        }
        if (!value.isObject()) {
            problems.add(where + ": an object is due, found " + value.getNodeType());
            return;
        }
        value.fields().forEachRemaining(field -> {
            if (newer.contains(field.getKey())) {
                return;
            }
            JsonNode spec = specs.path(field.getKey());
            if (spec.isMissingNode()) {
                problems.add(where + ": property " + field.getKey() + " does not exist");
                return;
            }
            checkValue(where + "." + field.getKey(), resourceType, field.getValue(), spec);
        });
    }

    private void checkValue(String where, String resourceType, JsonNode value, JsonNode spec) {
        if (isIntrinsic(value) || spec.has("Types") || spec.has("PrimitiveTypes") || spec.has("ItemTypes")
                || spec.has("PrimitiveItemTypes") || spec.has("InclusiveItemTypes") || spec.has("InclusivePrimitiveItemTypes")) {
            return; // SAM's properties that take one of several shapes are not checked further
        }
        if (spec.has("PrimitiveType")) {
            checkPrimitive(where, value, spec.path("PrimitiveType").asText());
            return;
        }
        String type = spec.path("Type").asText();
        switch (type) {
            case "List" -> {
                if (!value.isArray()) {
                    problems.add(where + ": a list is due, found " + value.getNodeType());
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    checkItem(where + "[" + i + "]", resourceType, value.get(i), spec);
                }
            }
            case "Map" -> {
                if (!value.isObject()) {
                    problems.add(where + ": a map is due, found " + value.getNodeType());
                    return;
                }
                value.fields().forEachRemaining(e -> checkItem(where + "." + e.getKey(), resourceType, e.getValue(), spec));
            }
            default -> checkNamedType(where, resourceType, value, type);
        }
    }

    private void checkItem(String where, String resourceType, JsonNode item, JsonNode spec) {
        if (spec.has("PrimitiveItemType")) {
            checkPrimitive(where, item, spec.path("PrimitiveItemType").asText());
        } else if (spec.has("ItemType")) {
            checkNamedType(where, resourceType, item, spec.path("ItemType").asText());
        }
    }

    private void checkNamedType(String where, String resourceType, JsonNode value, String type) {
        JsonNode propertyType = specification.path("PropertyTypes").path(resourceType + "." + type);
        if (propertyType.isMissingNode()) {
            propertyType = specification.path("PropertyTypes").path(type); // shared types such as Tag
        }
        if (propertyType.isMissingNode()) {
            return; // the specification does not describe it
        }
        checkObject(where, resourceType, value, propertyType.path("Properties"), Set.of());
    }

    private void checkPrimitive(String where, JsonNode value, String primitive) {
        if (isIntrinsic(value)) {
            return;
        }
        boolean fits = switch (primitive) {
            case "String" -> value.isValueNode() && !value.isNull();
            case "Integer", "Long", "Double" -> value.isNumber() || value.isTextual() && value.asText().matches("-?\\d+(\\.\\d+)?");
            case "Boolean" -> value.isBoolean() || value.isTextual() && value.asText().matches("true|false");
            case "Timestamp" -> value.isTextual();
            default -> true; // Json: any value
        };
        if (!fits) {
            problems.add(where + ": a " + primitive + " is due, found " + value);
        }
    }

    /** Refs, GetAtts and Fn::Sub's names anywhere under {@code node}. */
    private void checkReferences(String where, JsonNode node) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                switch (e.getKey()) {
                    case "Ref" -> checkName(where, e.getValue().asText(), null);
                    case "Fn::GetAtt" -> {
                        JsonNode target = e.getValue();
                        if (target.isArray() && target.size() == 2) {
                            checkName(where, target.get(0).asText(), target.get(1).asText());
                        } else if (target.isTextual() && target.asText().contains(".")) {
                            String[] parts = target.asText().split("\\.", 2);
                            checkName(where, parts[0], parts[1]);
                        }
                    }
                    case "Fn::Sub" -> checkSubstitutions(where, e.getValue());
                    default -> checkReferences(where, e.getValue());
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> checkReferences(where, item));
        }
    }

    private void checkSubstitutions(String where, JsonNode sub) {
        String text = sub.isArray() ? sub.path(0).asText() : sub.asText();
        Set<String> variables = new HashSet<>();
        if (sub.isArray()) {
            sub.path(1).fieldNames().forEachRemaining(variables::add);
            checkReferences(where, sub.path(1));
        }
        Matcher m = SUBSTITUTION.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (variables.contains(name)) {
                continue;
            }
            int dot = name.indexOf('.');
            if (dot < 0) {
                checkName(where, name, null);
            } else {
                checkName(where, name.substring(0, dot), name.substring(dot + 1));
            }
        }
    }

    private void checkName(String where, String name, String attribute) {
        if (attribute == null && (PSEUDO_PARAMETERS.contains(name) || template.path("Parameters").has(name))) {
            return;
        }
        JsonNode resource = template.path("Resources").path(name);
        if (resource.isMissingNode()) {
            // SAM makes resources of its own that a template may name: <Function>Role, <Function>Alias, ...
            if (!samGenerated(name)) {
                problems.add(where + ": " + name + " is neither a parameter nor a resource");
            }
            return;
        }
        if (attribute == null) {
            return;
        }
        String type = resource.path("Type").asText();
        if (type.startsWith("AWS::Serverless::")) {
            return; // SAM's attributes are those of the resources it makes; the specification does not list them
        }
        if (!specification.path("ResourceTypes").path(type).path("Attributes").has(attribute)) {
            problems.add(where + ": " + type + " " + name + " has no attribute " + attribute);
        }
    }

    private boolean samGenerated(String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (resource.getValue().path("Type").asText().startsWith("AWS::Serverless::") && name.startsWith(resource.getKey())
                    && name.length() > resource.getKey().length()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIntrinsic(JsonNode value) {
        if (!value.isObject() || value.size() != 1) {
            return false;
        }
        String key = value.fieldNames().next();
        return key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition");
    }
}
