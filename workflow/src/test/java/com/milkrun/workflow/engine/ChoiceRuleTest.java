package com.milkrun.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every Choice operator, on the input of a delivery decision. */
class ChoiceRuleTest {
    private static final JsonNode INPUT = Json.parse(Machines.json("""
            {'status': 'Confirmed', 'otherStatus': 'Cancelled', 'sku': 'TONED-500ML', 'litres': 2.5, 'crates': 3,
             'maxLitres': 4, 'paid': true, 'expected': true, 'note': null,
             'slot': '2026-03-02T06:30:00Z', 'cutoff': '2026-03-02T05:00:00+05:30', 'notATime': 'soon'}"""));

    @ParameterizedTest(name = "{0} {1} {2} is {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            $.status  | StringEquals              | 'Confirmed'                | true
            $.status  | StringEquals              | 'Cancelled'                | false
            $.litres  | StringEquals              | '2.5'                      | false
            $.status  | StringLessThan            | 'Delivered'                | true
            $.status  | StringLessThan            | 'Confirmed'                | false
            $.status  | StringGreaterThan         | 'Accepted'                 | true
            $.status  | StringLessThanEquals      | 'Confirmed'                | true
            $.status  | StringGreaterThanEquals   | 'Confirmed'                | true
            $.status  | StringGreaterThanEquals   | 'Delivered'                | false
            $.sku     | StringMatches             | 'TONED-*'                  | true
            $.sku     | StringMatches             | '*-500ML'                  | true
            $.sku     | StringMatches             | 'T*D*5*'                   | true
            $.sku     | StringMatches             | 'CURD-*'                   | false
            $.sku     | StringMatches             | 'TONED\\\\*'               | false
            $.litres  | NumericEquals             | 2.5                        | true
            $.crates  | NumericEquals             | 3.0                        | true
            $.litres  | NumericLessThan           | 3                          | true
            $.litres  | NumericGreaterThan        | 2                          | true
            $.litres  | NumericGreaterThan        | 2.5                        | false
            $.litres  | NumericLessThanEquals     | 2.5                        | true
            $.litres  | NumericGreaterThanEquals  | 2.6                        | false
            $.status  | NumericEquals             | 2                          | false
            $.paid    | BooleanEquals             | true                       | true
            $.paid    | BooleanEquals             | false                      | false
            $.slot    | TimestampEquals           | '2026-03-02T12:00:00+05:30'| true
            $.slot    | TimestampLessThan         | '2026-03-02T07:00:00Z'     | true
            $.slot    | TimestampGreaterThan      | '2026-03-02T07:00:00Z'     | false
            $.slot    | TimestampLessThanEquals   | '2026-03-02T06:30:00Z'     | true
            $.slot    | TimestampGreaterThanEquals| '2026-03-02T06:30:00Z'     | true
            $.notATime| TimestampEquals           | '2026-03-02T06:30:00Z'     | false
            $.status  | StringEqualsPath          | '$.status'                 | true
            $.status  | StringEqualsPath          | '$.otherStatus'            | false
            $.status  | StringLessThanPath        | '$.otherStatus'            | false
            $.status  | StringGreaterThanPath     | '$.otherStatus'            | true
            $.litres  | NumericLessThanPath       | '$.maxLitres'              | true
            $.litres  | NumericGreaterThanEqualsPath | '$.maxLitres'           | false
            $.crates  | NumericEqualsPath         | '$.crates'                 | true
            $.paid    | BooleanEqualsPath         | '$.expected'               | true
            $.slot    | TimestampGreaterThanPath  | '$.cutoff'                 | true
            $.slot    | TimestampLessThanEqualsPath | '$.cutoff'               | false
            $.status  | IsPresent                 | true                       | true
            $.refund  | IsPresent                 | true                       | false
            $.refund  | IsPresent                 | false                      | true
            $.note    | IsNull                    | true                       | true
            $.status  | IsNull                    | true                       | false
            $.refund  | IsNull                    | false                      | true
            $.status  | IsString                  | true                       | true
            $.litres  | IsString                  | true                       | false
            $.litres  | IsNumeric                 | true                       | true
            $.paid    | IsNumeric                 | false                      | true
            $.paid    | IsBoolean                 | true                       | true
            $.note    | IsBoolean                 | true                       | false
            $.slot    | IsTimestamp               | true                       | true
            $.notATime| IsTimestamp               | true                       | false
            """)
    void compares_the_variable_as_the_operator_says(String variable, String operator, String operand,
                                                    boolean matches) {
        ChoiceRule rule = rule("{'Variable': '%s', '%s': %s}".formatted(variable, operator, operand));

        assertThat(rule.matches(INPUT)).isEqualTo(matches);
    }

    @Test
    void and_or_and_not_combine_rules() {
        String paid = "{'Variable': '$.paid', 'BooleanEquals': true}";
        String cancelled = "{'Variable': '$.status', 'StringEquals': 'Cancelled'}";

        assertThat(rule("{'And': [%s, %s]}".formatted(paid, cancelled)).matches(INPUT)).isFalse();
        assertThat(rule("{'Or': [%s, %s]}".formatted(paid, cancelled)).matches(INPUT)).isTrue();
        assertThat(rule("{'Not': %s}".formatted(cancelled)).matches(INPUT)).isTrue();
        assertThat(rule("{'And': [%s, {'Not': %s}]}".formatted(paid, cancelled)).matches(INPUT)).isTrue();
        assertThat(rule("{'Or': [{'Not': %s}, %s]}".formatted(paid, cancelled)).matches(INPUT)).isFalse();
    }

    @Test
    void a_compared_variable_or_value_path_naming_nothing_is_a_runtime_error() {
        assertThatThrownBy(() -> rule("{'Variable': '$.refund', 'StringEquals': 'x'}").matches(INPUT))
                .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.error()).isEqualTo("States.Runtime"));
        assertThatThrownBy(() -> rule("{'Variable': '$.status', 'StringEqualsPath': '$.refund'}").matches(INPUT))
                .isInstanceOf(StatesError.class);
    }

    @Test
    void refuses_unknown_operators_and_operands_of_the_wrong_type() {
        for (String bad : new String[] {
                "{'Variable': '$.status', 'StringContains': 'Conf'}",
                "{'Variable': '$.paid', 'BooleanLessThan': true}",
                "{'Variable': '$.sku', 'StringMatchesPath': '$.status'}",
                "{'Variable': '$.litres', 'NumericEquals': '2'}",
                "{'Variable': '$.slot', 'TimestampEquals': 'at dawn'}",
                "{'Variable': '$.note', 'IsNull': 'yes'}",
                "{'Variable': '$.status', 'StringEquals': 'a', 'StringLessThan': 'b'}",
                "{'StringEquals': 'Confirmed'}",
                "{'And': []}"}) {
            assertThatThrownBy(() -> rule(bad)).as(bad).isInstanceOf(InvalidDefinition.class);
        }
    }

    private static ChoiceRule rule(String singleQuoted) {
        return ChoiceRule.parse(Json.parse(Machines.json(singleQuoted)));
    }
}
