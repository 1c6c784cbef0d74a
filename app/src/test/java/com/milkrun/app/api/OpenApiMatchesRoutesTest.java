package com.milkrun.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.milkrun.access.Role;
import com.milkrun.app.MilkRun;
import com.milkrun.demo.DemoData;
import com.milkrun.http.Route;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Keeps {@code docs/openapi.yaml} honest: the spec documents exactly the routes the router serves, under their action
 * names, with the security and roles their capabilities demand, and real answers carry every property the documented
 * schemas require.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiMatchesRoutesTest {
    private static final Path SPEC = Path.of("..", "docs", "openapi.yaml");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
    private static final Pattern REF = Pattern.compile("^#/components/(schemas|responses|parameters|headers|securitySchemes)/[A-Za-z0-9_.-]+$");

    private JsonNode spec;
    private MilkRun app;
    private ApiClient api;

    @BeforeAll
    void start() throws IOException {
        spec = new YAMLMapper().readTree(SPEC.toFile());
        app = MilkRun.start(TestConfigs.memory());
        api = new ApiClient(app.router()::handle);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    // ---- the spec and the router ------------------------------------------------------------------------------

    @Test
    void the_spec_is_openapi_3_0_3_titled_milkrun_api_with_a_bearer_jwt_scheme() {
        assertThat(spec.path("openapi").asText()).isEqualTo("3.0.3");
        assertThat(spec.path("info").path("title").asText()).isEqualTo("MilkRun API");
        JsonNode bearer = spec.path("components").path("securitySchemes").path("bearerAuth");
        assertThat(bearer.path("type").asText()).isEqualTo("http");
        assertThat(bearer.path("scheme").asText()).isEqualTo("bearer");
        assertThat(bearer.path("bearerFormat").asText()).isEqualTo("JWT");
    }

    @Test
    void the_spec_documents_exactly_the_routes_of_the_router() {
        Set<String> documented = new TreeSet<>(operations().keySet());
        Set<String> served = app.router().routes().stream().map(OpenApiMatchesRoutesTest::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).as("(method, path) pairs in docs/openapi.yaml").isEqualTo(served);
    }

    @Test
    void every_operation_id_is_the_action_of_its_route() {
        Map<String, JsonNode> operations = operations();
        for (Route route : app.router().routes()) {
            JsonNode operation = operations.get(key(route));
            assertThat(operation).as("%s is documented", key(route)).isNotNull();
            assertThat(operation.path("operationId").asText()).as("operationId of %s", key(route)).isEqualTo(route.action());
        }
        List<String> ids = operations.values().stream().map(o -> o.path("operationId").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void every_operation_has_a_summary_and_declared_tags() {
        Set<String> declared = new TreeSet<>();
        spec.path("tags").forEach(t -> declared.add(t.path("name").asText()));
        assertThat(declared).containsExactlyInAnyOrder("Accounts", "Profile", "Catalog", "Vendor portal", "Administration", "Operations");
        operations().forEach((key, operation) -> {
            assertThat(operation.path("summary").asText()).as("summary of %s", key).isNotBlank();
            assertThat(operation.path("tags")).as("tags of %s", key).isNotEmpty();
            operation.path("tags").forEach(tag -> assertThat(declared).as("tag of %s", key).contains(tag.asText()));
        });
    }

    @Test
    void secured_routes_need_a_bearer_token_and_list_the_roles_of_their_capability() {
        Map<String, JsonNode> operations = operations();
        for (Route route : app.router().routes()) {
            JsonNode operation = operations.get(key(route));
            assertThat(operation).as("%s is documented", key(route)).isNotNull();
            JsonNode security = operation.has("security") ? operation.get("security") : spec.path("security");
            if (route.capability().isPresent()) {
                assertThat(security.isArray() && security.size() > 0).as("%s has security", key(route)).isTrue();
                for (JsonNode requirement : security) {
                    assertThat(fieldNames(requirement)).as("security of %s", key(route)).containsExactly("bearerAuth");
                }
                Set<String> roles = route.capability().get().roles().stream().map(Role::wireName)
                        .collect(Collectors.toCollection(TreeSet::new));
                Set<String> documented = new TreeSet<>();
                operation.path("x-milkrun-roles").forEach(r -> documented.add(r.asText()));
                assertThat(documented).as("x-milkrun-roles of %s", key(route)).isEqualTo(roles);
                assertThat(operation.path("responses").has("401")).as("%s documents 401", key(route)).isTrue();
                assertThat(operation.path("responses").has("403")).as("%s documents 403", key(route)).isTrue();
            } else {
                assertThat(security.isMissingNode() || (security.isArray() && security.isEmpty()))
                        .as("%s is public: security must be empty, was %s", key(route), security).isTrue();
                assertThat(operation.has("x-milkrun-roles")).as("%s is public: no roles", key(route)).isFalse();
            }
        }
    }

    @Test
    void every_path_parameter_of_a_route_is_declared_and_required() {
        for (Route route : app.router().routes()) {
            Set<String> inTemplate = new TreeSet<>();
            Matcher m = PATH_PARAM.matcher(route.template());
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            JsonNode pathItem = spec.path("paths").path(route.template());
            JsonNode operation = pathItem.path(route.method().toLowerCase(Locale.ROOT));
            Set<String> declared = new TreeSet<>();
            List<JsonNode> parameters = new ArrayList<>();
            pathItem.path("parameters").forEach(parameters::add);
            operation.path("parameters").forEach(parameters::add);
            for (JsonNode parameter : parameters) {
                JsonNode p = resolve(parameter);
                if (p.path("in").asText().equals("path")) {
                    assertThat(p.path("required").asBoolean()).as("path parameter %s of %s is required", p.path("name").asText(), key(route)).isTrue();
                    declared.add(p.path("name").asText());
                }
            }
            assertThat(declared).as("path parameters of %s", key(route)).isEqualTo(inTemplate);
        }
    }

    @Test
    void every_reference_points_to_a_defined_component() {
        List<String> refs = new ArrayList<>();
        collectRefs(spec, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).matches(REF);
            assertThat(spec.at(ref.substring(1)).isMissingNode()).as("%s is defined", ref).isFalse();
        }
    }

    // ---- live answers and their documented schemas --------------------------------------------------------

    @Test
    void the_product_list_matches_its_documented_schema() {
        var answer = api.get("/products?limit=5");
        assertMatchesDocumented(answer, "GET", "/products", 200);
        assertThat(answer.json().get("items")).isNotEmpty();
    }

    @Test
    void a_product_page_matches_its_documented_schema() {
        var answer = api.get("/products/prod-milk-500ml");
        assertMatchesDocumented(answer, "GET", "/products/{productId}", 200);
        assertThat(answer.text("name")).isEqualTo("Organic Milk 500ml");
    }

    @Test
    void a_login_matches_its_documented_schema() {
        var answer = api.post("/auth/login", Map.of("email", DemoData.CUSTOMER_EMAIL, "password", DemoData.PASSWORD));
        assertMatchesDocumented(answer, "POST", "/auth/login", 200);
        assertThat(answer.json().get("user").get("email").asText()).isEqualTo(DemoData.CUSTOMER_EMAIL);
    }

    @Test
    void a_missing_product_matches_the_documented_not_found_error() {
        var answer = api.get("/products/prod-does-not-exist");
        assertMatchesDocumented(answer, "GET", "/products/{productId}", 404);
        assertThat(answer.error()).isEqualTo("NotFound");
    }

    @Test
    void more_live_answers_match_their_documented_schemas() {
        String customer = idToken(DemoData.CUSTOMER_EMAIL);
        String vendor = idToken("vendor@milkrun.dev");
        String admin = idToken(DemoData.ADMIN_EMAIL);
        assertMatchesDocumented(api.get("/users/me", customer), "GET", "/users/me", 200);
        assertMatchesDocumented(api.get("/users/me/addresses", customer), "GET", "/users/me/addresses", 200);
        assertMatchesDocumented(api.get("/users/me/addresses/addr-home", customer), "GET", "/users/me/addresses/{addressId}", 200);
        assertMatchesDocumented(api.get("/users/me"), "GET", "/users/me", 401);
        assertMatchesDocumented(api.get("/categories"), "GET", "/categories", 200);
        assertMatchesDocumented(api.get("/vendors"), "GET", "/vendors", 200);
        assertMatchesDocumented(api.get("/vendors/vendor-001"), "GET", "/vendors/{vendorId}", 200);
        assertMatchesDocumented(api.get("/products?limit=0"), "GET", "/products", 400);
        assertMatchesDocumented(api.get("/vendor/profile", vendor), "GET", "/vendor/profile", 200);
        assertMatchesDocumented(api.get("/vendor/products", vendor), "GET", "/vendor/products", 200);
        assertMatchesDocumented(api.get("/vendor/products/prod-milk-500ml", vendor), "GET", "/vendor/products/{productId}", 200);
        assertMatchesDocumented(api.get("/vendor/profile", customer), "GET", "/vendor/profile", 403);
        assertMatchesDocumented(api.get("/admin/users", admin), "GET", "/admin/users", 200);
        assertMatchesDocumented(api.get("/admin/vendors", admin), "GET", "/admin/vendors", 200);
        assertMatchesDocumented(api.get("/admin/products", admin), "GET", "/admin/products", 200);
        assertMatchesDocumented(api.get("/health"), "GET", "/health", 200);
        assertMatchesDocumented(api.get("/.well-known/jwks.json"), "GET", "/.well-known/jwks.json", 200);
        assertMatchesDocumented(api.get("/dev/mailbox?limit=5"), "GET", "/dev/mailbox", 200);
        assertMatchesDocumented(api.post("/auth/register", Map.of("email", DemoData.CUSTOMER_EMAIL, "password", "Fresh@Milk1",
                "name", "Asha Again")), "POST", "/auth/register", 409);
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void assertMatchesDocumented(ApiClient.Answer answer, String method, String template, int status) {
        assertThat(answer.status()).as("%s %s answered %s", method, template, answer).isEqualTo(status);
        JsonNode response = spec.path("paths").path(template).path(method.toLowerCase(Locale.ROOT)).path("responses")
                .path(Integer.toString(status));
        assertThat(response.isMissingNode()).as("%s %s documents %d", method, template, status).isFalse();
        JsonNode schema = resolve(response).path("content").path("application/json").path("schema");
        assertThat(schema.isMissingNode()).as("%s %s %d has a JSON schema", method, template, status).isFalse();
        List<String> problems = new ArrayList<>();
        check(schema, answer.json(), "$", problems);
        assertThat(problems).as("%s %s %d: %s", method, template, status, answer).isEmpty();
    }

    /**
     * Checks a JSON value against the parts of a schema that matter for clients: the required properties of every
     * object (following {@code $ref}s, {@code allOf}s, object properties and array items), the basic JSON types and
     * enums.
     */
    private void check(JsonNode schemaOrRef, JsonNode value, String where, List<String> problems) {
        JsonNode schema = resolve(schemaOrRef);
        if (value == null || value.isNull() || value.isMissingNode()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(where + " is null");
            }
            return;
        }
        for (JsonNode part : schema.path("allOf")) {
            check(part, value, where, problems);
        }
        String type = schema.path("type").asText(schema.has("properties") || schema.has("required") ? "object" : "");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(where + " should be an object, was " + value);
                    return;
                }
                for (JsonNode required : schema.path("required")) {
                    if (!value.has(required.asText())) {
                        problems.add(where + " lacks required property " + required.asText());
                    }
                }
                for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                    if (value.has(property.getKey())) {
                        check(property.getValue(), value.get(property.getKey()), where + "." + property.getKey(), problems);
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(where + " should be an array, was " + value);
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(schema.path("items"), value.get(i), where + "[" + i + "]", problems);
                }
            }
            case "string" -> expect(value.isTextual(), where, "a string", value, problems);
            case "integer" -> expect(value.isIntegralNumber(), where, "an integer", value, problems);
            case "number" -> expect(value.isNumber(), where, "a number", value, problems);
            case "boolean" -> expect(value.isBoolean(), where, "true or false", value, problems);
            default -> {
                // no type: only allOf parts or an unconstrained value
            }
        }
        if (schema.has("enum") && value.isValueNode()) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.asText().equals(value.asText()) && allowed.isTextual() == value.isTextual();
            }
            if (!listed) {
                problems.add(where + " is " + value + ", not one of " + schema.get("enum"));
            }
        }
    }

    private static void expect(boolean ok, String where, String what, JsonNode value, List<String> problems) {
        if (!ok) {
            problems.add(where + " should be " + what + ", was " + value);
        }
    }

    /** Follows {@code $ref}s within the spec. */
    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            assertThat(hops).as("reference loop at %s", ref).isLessThan(20);
            assertThat(ref).as("only local references").startsWith("#/");
            JsonNode target = spec.at(ref.substring(1));
            assertThat(target.isMissingNode()).as("%s is defined", ref).isFalse();
            current = target;
        }
        return current;
    }

    /** Every documented operation by {@code "METHOD /template"}. */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (HTTP_METHODS.contains(op.getKey())) {
                    operations.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
                }
            }
        }
        return operations;
    }

    private static String key(Route route) {
        return route.method() + " " + route.template();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private String idToken(String email) {
        var answer = api.post("/auth/login", Map.of("email", email, "password", DemoData.PASSWORD));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.text("idToken");
    }
}
