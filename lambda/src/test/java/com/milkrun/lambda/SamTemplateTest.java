package com.milkrun.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.milkrun.app.Config;
import com.milkrun.app.MilkRun;
import com.milkrun.app.api.TestConfigs;
import com.milkrun.http.Route;
import com.milkrun.store.dynamo.DynamoStores;
import com.milkrun.store.dynamo.TableSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The SAM template ({@code infra/template.yaml}) against the code it deploys: handlers that exist and construct,
 * a state machine whose every substitution is a function of the template, environment variables that MilkRun reads,
 * the tables and indexes the DynamoDB stores use, the API's public routes, and IAM without wildcard actions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SamTemplateTest {
    /** Variables a function gets that are for the JVM or the handler itself, not MilkRun's configuration. */
    private static final Set<String> NOT_CONFIGURATION = Set.of("JAVA_TOOL_OPTIONS", "MILKRUN_STEP");
    /** Public routes that stay off on AWS: the dev mailbox (off by default) and the local identity's keys. */
    private static final Set<String> LOCAL_ONLY_ROUTES = Set.of("GET /dev/mailbox", "GET /.well-known/jwks.json");
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    private JsonNode template;
    private Path infra;
    private MilkRun app;

    @BeforeAll
    void read() throws IOException {
        infra = repositoryRoot().resolve("infra");
        template = new ObjectMapper(new YAMLFactory()).readTree(infra.resolve("template.yaml").toFile());
        app = MilkRun.start(TestConfigs.memory());
    }

    @AfterAll
    void close() {
        app.close();
    }

    @Test
    void is_a_sam_template_for_java_21_on_arm64_with_snapstart_on_a_published_alias() {
        assertThat(template.path("Transform").asText()).isEqualTo("AWS::Serverless-2016-10-31");
        JsonNode function = template.path("Globals").path("Function");
        assertThat(function.path("Runtime").asText()).isEqualTo("java21");
        assertThat(function.path("Architectures")).extracting(JsonNode::asText).containsExactly("arm64");
        assertThat(function.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(function.path("AutoPublishAlias").asText()).isNotBlank();
        assertThat(function.path("CodeUri").asText()).isEqualTo("../lambda/target/milkrun-lambda-0.1.0-SNAPSHOT-aws.jar");
    }

    @Test
    void every_handler_is_a_lambda_request_handler_that_constructs() throws Exception {
        Map<String, JsonNode> functions = resources("AWS::Serverless::Function");
        assertThat(functions).isNotEmpty();
        for (Map.Entry<String, JsonNode> function : functions.entrySet()) {
            String handler = function.getValue().path("Properties").path("Handler").asText();
            assertThat(handler).as(function.getKey()).endsWith("::handleRequest");
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertThat(RequestHandler.class).as(handler).isAssignableFrom(type);
            assertThat(type.getConstructor()).as("Lambda's no-argument constructor of " + handler).isNotNull();
            Object constructed;
            if (type == WorkflowStepHandler.class) {
                constructed = new WorkflowStepHandler(app, environment(function.getValue()).get("MILKRUN_STEP"));
            } else if (type == ScheduledSweepHandler.class) {
                constructed = new ScheduledSweepHandler(app);
            } else {
                constructed = new ApiGatewayHandler(app.router(), environment(function.getValue()).getOrDefault("MILKRUN_API_BASE_PATH", ""));
            }
            assertThat(constructed).as(function.getKey()).isInstanceOf(type);
        }
    }

    @Test
    void every_task_of_the_state_machine_is_a_step_function_of_the_template() throws IOException {
        JsonNode machine = resources("AWS::Serverless::StateMachine").values().iterator().next().path("Properties");
        assertThat(machine.path("Type").asText()).isEqualTo("STANDARD");
        String definition = Files.readString(infra.resolve(machine.path("DefinitionUri").asText()));
        Set<String> used = new TreeSet<>();
        Matcher m = SUBSTITUTION.matcher(definition);
        while (m.find()) {
            used.add(m.group(1));
        }
        JsonNode substitutions = machine.path("DefinitionSubstitutions");
        assertThat(names(substitutions)).as("substitutions given").isEqualTo(used);
        Map<String, JsonNode> functions = resources("AWS::Serverless::Function");
        Set<String> steps = new TreeSet<>();
        for (String name : used) {
            String ref = substitutions.path(name).path("Ref").asText();
            String function = ref.endsWith(".Alias") ? ref.substring(0, ref.length() - ".Alias".length()) : ref;
            assertThat(functions).as(name + " refers to a function of the template").containsKey(function);
            String step = environment(functions.get(function)).get("MILKRUN_STEP");
            assertThat(name).isEqualTo(step + "FunctionArn");
            steps.add(step);
        }
        assertThat(steps).as("one function per step handler").isEqualTo(new TreeSet<>(app.steps().keySet()));
    }

    @Test
    void every_environment_variable_of_a_function_is_one_milkrun_reads() {
        Set<String> read = readByConfig();
        for (Map.Entry<String, JsonNode> function : resources("AWS::Serverless::Function").entrySet()) {
            for (String variable : environment(function.getValue()).keySet()) {
                if (!NOT_CONFIGURATION.contains(variable)) {
                    assertThat(read).as(function.getKey() + " gets " + variable).contains(variable);
                }
            }
        }
    }

    @Test
    void declares_exactly_the_tables_and_indexes_the_dynamodb_stores_use_on_demand_with_recovery() {
        Map<String, JsonNode> tables = resources("AWS::DynamoDB::Table");
        assertThat(tables.keySet()).containsExactlyInAnyOrderElementsOf(
                DynamoStores.TABLES.stream().map(t -> t.logicalName() + "Table").toList());
        Map<String, String> globals = environment(template.path("Globals").path("Function"));
        for (TableSpec spec : DynamoStores.TABLES) {
            JsonNode table = tables.get(spec.logicalName() + "Table").path("Properties");
            assertThat(table.path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
            assertThat(table.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean()).isTrue();
            assertThat(keySchema(table.path("KeySchema"))).as(spec.logicalName())
                    .isEqualTo(keys(spec.hashKey(), spec.rangeKey().orElse(null)));
            Map<String, String> attributes = new HashMap<>();
            table.path("AttributeDefinitions").forEach(a -> attributes.put(a.path("AttributeName").asText(), a.path("AttributeType").asText()));
            Map<String, String> expected = new HashMap<>();
            spec.keyAttributes().forEach(a -> expected.put(a, "S"));
            assertThat(attributes).as(spec.logicalName() + " attributes").isEqualTo(expected);
            Map<String, List<String>> indexes = new LinkedHashMap<>();
            table.path("GlobalSecondaryIndexes").forEach(i -> {
                assertThat(i.path("Projection").path("ProjectionType").asText()).isEqualTo("ALL");
                indexes.put(i.path("IndexName").asText(), keySchema(i.path("KeySchema")));
            });
            Map<String, List<String>> expectedIndexes = new LinkedHashMap<>();
            spec.indexes().forEach(i -> expectedIndexes.put(i.name(), keys(i.hashKey(), i.rangeKey().orElse(null))));
            assertThat(indexes).as(spec.logicalName() + " indexes").isEqualTo(expectedIndexes);
            assertThat(globals).as("every function gets the name of " + spec.logicalName()).containsKey(spec.envVar());
            assertThat(template.path("Globals").path("Function").path("Environment").path("Variables")
                    .path(spec.envVar()).path("Ref").asText()).isEqualTo(spec.logicalName() + "Table");
        }
    }

    @Test
    void the_authorizer_guards_every_route_but_the_public_ones_and_those_are_the_routers_public_routes() {
        JsonNode api = resources("AWS::Serverless::Api").values().iterator().next().path("Properties");
        assertThat(api.path("Auth").path("DefaultAuthorizer").asText()).isEqualTo("CognitoAuthorizer");
        JsonNode function = resources("AWS::Serverless::Function").get("ApiFunction");
        String base = environment(function).get("MILKRUN_API_BASE_PATH");
        Set<String> publicInTemplate = new TreeSet<>();
        boolean catchAllGuarded = false;
        for (JsonNode event : function.path("Properties").path("Events")) {
            JsonNode p = event.path("Properties");
            String path = p.path("Path").asText();
            assertThat(path).startsWith(base + "/");
            if (p.path("Auth").path("Authorizer").asText().equals("NONE")) {
                publicInTemplate.add(p.path("Method").asText() + " " + path.substring(base.length()));
            } else if (path.equals(base + "/{proxy+}") && p.path("Method").asText().equals("ANY")) {
                catchAllGuarded = true;
            }
        }
        assertThat(catchAllGuarded).as("every other path goes through the authorizer").isTrue();
        Set<String> publicRoutes = new TreeSet<>();
        for (Route route : app.router().routes()) {
            String key = route.method() + " " + route.template();
            if (route.capability().isEmpty() && !LOCAL_ONLY_ROUTES.contains(key)) {
                publicRoutes.add(key);
            }
        }
        assertThat(publicInTemplate).isEqualTo(publicRoutes);
    }

    @Test
    void the_sweep_runs_every_minute_and_may_start_executions_and_send_email() {
        List<JsonNode> sweeps = resources("AWS::Serverless::Function").values().stream()
                .filter(f -> f.path("Properties").path("Handler").asText()
                        .equals(ScheduledSweepHandler.class.getName() + "::handleRequest"))
                .toList();
        assertThat(sweeps).hasSize(1);
        JsonNode sweep = sweeps.getFirst();
        List<String> schedules = new ArrayList<>();
        sweep.path("Properties").path("Events").forEach(event -> {
            assertThat(event.path("Type").asText()).isEqualTo("Schedule");
            schedules.add(event.path("Properties").path("Schedule").asText());
        });
        assertThat(schedules).containsExactly("rate(1 minute)");
        assertThat(environment(sweep)).containsEntry("MILKRUN_ORDER_WORKFLOW", "stepfunctions")
                .containsKey("ORDER_STATE_MACHINE_ARN");
        List<String> actions = new ArrayList<>();
        collect(sweep.path("Properties").path("Policies"), "Action", actions);
        assertThat(actions).contains("states:StartExecution", "ses:SendEmail", "dynamodb:Query", "dynamodb:UpdateItem")
                .doesNotContain("states:StopExecution", "dynamodb:DeleteItem");
    }

    @Test
    void no_policy_grants_a_wildcard_action() {
        List<String> actions = new ArrayList<>();
        collect(template.path("Resources"), "Action", actions);
        assertThat(actions).isNotEmpty();
        assertThat(actions).noneMatch(action -> action.equals("*") || action.endsWith(":*"));
    }

    @Test
    void every_data_table_keeps_its_data_when_the_stack_goes() {
        resources("AWS::DynamoDB::Table").forEach((name, table) -> {
            assertThat(table.path("DeletionPolicy").asText()).as(name).isEqualTo("Retain");
            assertThat(table.path("UpdateReplacePolicy").asText()).as(name).isEqualTo("Retain");
        });
    }

    // ---- helpers

    private Map<String, JsonNode> resources(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        template.path("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals(type)) {
                found.put(e.getKey(), e.getValue());
            }
        });
        return found;
    }

    /** A function's environment: the globals with its own on top (values as text; references as their target). */
    private Map<String, String> environment(JsonNode function) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode globals = template.path("Globals").path("Function").path("Environment").path("Variables");
        JsonNode own = function.path("Properties").path("Environment").path("Variables");
        for (JsonNode variables : List.of(globals, own, function.path("Environment").path("Variables"))) {
            variables.fields().forEachRemaining(e -> env.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        }
        return env;
    }

    /** The names of the variables {@link Config#from} reads, found by watching it read a full environment. */
    private static Set<String> readByConfig() {
        Set<String> read = new LinkedHashSet<>();
        Map<String, String> watched = new HashMap<>() {
            @Override
            public String get(Object key) {
                read.add((String) key);
                return super.get(key);
            }
        };
        watched.put("MILKRUN_SMTP_HOST", "smtp.example.com");
        watched.put("MILKRUN_EMAIL", "ses");
        watched.put("MILKRUN_SES_FROM", "MilkRun <orders@example.com>");
        watched.put("MILKRUN_IDENTITY", "cognito");
        watched.put("AWS_REGION", "ap-south-1");
        watched.put("COGNITO_USER_POOL_ID", "ap-south-1_pool");
        watched.put("COGNITO_CLIENT_ID", "client");
        watched.put("MILKRUN_ORDER_WORKFLOW", "stepfunctions");
        watched.put("ORDER_STATE_MACHINE_ARN", "arn:aws:states:ap-south-1:1:stateMachine:m");
        DynamoStores.TABLES.forEach(t -> watched.put(t.envVar(), t.logicalName()));
        Config config = Config.from(watched);
        DynamoStores.TABLES.forEach(t -> {
            if (config.dynamo().tables().containsKey(t.envVar())) {
                read.add(t.envVar());
            }
        });
        return read;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> keySchema(JsonNode schema) {
        List<String> keys = new ArrayList<>();
        schema.forEach(k -> keys.add(k.path("KeyType").asText() + " " + k.path("AttributeName").asText()));
        return keys;
    }

    private static List<String> keys(String hash, String range) {
        List<String> keys = new ArrayList<>();
        keys.add("HASH " + hash);
        if (range != null) {
            keys.add("RANGE " + range);
        }
        return keys;
    }

    private static void collect(JsonNode node, String field, List<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals(field)) {
                    if (e.getValue().isArray()) {
                        e.getValue().forEach(v -> into.add(v.asText()));
                    } else {
                        into.add(e.getValue().asText());
                    }
                } else {
                    collect(e.getValue(), field, into);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collect(child, field, into));
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("infra/template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("infra/template.yaml not found above " + Path.of("").toAbsolutePath());
    }
}
