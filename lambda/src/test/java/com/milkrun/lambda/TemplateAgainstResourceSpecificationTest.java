package com.milkrun.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code infra/template.yaml} linted against the CloudFormation resource specification, with SAM's resource types,
 * as the AWS CDK published it ({@code @aws-cdk/cfnspec}, installed by npm into {@code infra/local/cfnspec}): no
 * CloudFormation linter installs from the registries the build reaches (cfn-lint is on PyPI; npm's cfn-lint is from
 * 2019 and knows neither SnapStart nor java21), so this is the check that runs here. The specification is version
 * 117.0.0 (2023); properties SAM added since are named in {@link #NEWER_THAN_SPECIFICATION}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplateAgainstResourceSpecificationTest {
    /** SAM's {@code SnapStart} (November 2022) came after the specification's SAM part was last updated. */
    private static final Map<String, Set<String>> NEWER_THAN_SPECIFICATION =
            Map.of("AWS::Serverless::Function", Set.of("SnapStart"));

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private ResourceSpecificationCheck check;
    private JsonNode template;

    @BeforeAll
    void read() throws IOException {
        String location = System.getProperty("milkrun.cfnspec");
        assertThat(location).as("system property milkrun.cfnspec (set by lambda/pom.xml)").isNotBlank();
        Path specification = Path.of(location);
        assertThat(specification).as("the resource specification; run npm ci in infra/local/cfnspec").isRegularFile();
        check = new ResourceSpecificationCheck(new ObjectMapper().readTree(specification.toFile()), NEWER_THAN_SPECIFICATION);
        template = yaml.readTree(repositoryRoot().resolve("infra/template.yaml").toFile());
    }

    @Test
    void the_template_passes() {
        assertThat(check.check(template)).isEmpty();
    }

    @Test
    void a_misspelled_property_a_missing_required_one_and_a_wrong_shape_are_caught() {
        ObjectNode broken = template.deepCopy();
        ObjectNode table = firstOfType(broken, "AWS::DynamoDB::Table");
        ObjectNode properties = (ObjectNode) table.path("Properties");
        properties.set("BilingMode", properties.remove("BillingMode"));
        properties.remove("KeySchema");
        ((ObjectNode) properties.path("PointInTimeRecoverySpecification")).put("PointInTimeRecoveryEnabled", "yes");

        assertThat(check.check(broken))
                .anySatisfy(problem -> assertThat(problem).contains("property BilingMode does not exist"))
                .anySatisfy(problem -> assertThat(problem).contains("required property KeySchema"))
                .anySatisfy(problem -> assertThat(problem).contains("PointInTimeRecoveryEnabled: a Boolean is due"));
    }

    @Test
    void a_nested_property_an_unknown_type_and_a_dangling_reference_are_caught() {
        ObjectNode broken = template.deepCopy();
        ObjectNode table = firstOfType(broken, "AWS::DynamoDB::Table");
        ArrayNode keys = (ArrayNode) table.path("Properties").path("KeySchema");
        ((ObjectNode) keys.get(0)).put("AttributeNme", "x");
        ObjectNode pool = firstOfType(broken, "AWS::Cognito::UserPool");
        pool.put("Type", "AWS::Cognito::UserPol");
        ObjectNode output = broken.withObject("/Outputs").putObject("Broken");
        output.putObject("Value").putArray("Fn::GetAtt").add(tableName(broken)).add("StreamArm");
        output.putObject("Export").putObject("Name").put("Fn::Sub", "${NoSuchParameter}-orders");

        assertThat(check.check(broken))
                .anySatisfy(problem -> assertThat(problem).contains("KeySchema[0]: property AttributeNme does not exist"))
                .anySatisfy(problem -> assertThat(problem).contains("resource type AWS::Cognito::UserPol does not exist"))
                .anySatisfy(problem -> assertThat(problem).contains("has no attribute StreamArm"))
                .anySatisfy(problem -> assertThat(problem).contains("NoSuchParameter is neither a parameter nor a resource"));
    }

    private static ObjectNode firstOfType(JsonNode template, String type) {
        for (JsonNode resource : template.path("Resources")) {
            if (resource.path("Type").asText().equals(type)) {
                return (ObjectNode) resource;
            }
        }
        throw new AssertionError("no " + type + " in the template");
    }

    private static String tableName(JsonNode template) {
        var it = template.path("Resources").fields();
        while (it.hasNext()) {
            var resource = it.next();
            if (resource.getValue().path("Type").asText().equals("AWS::DynamoDB::Table")) {
                return resource.getKey();
            }
        }
        throw new AssertionError("no table");
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
