package com.milkrun.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateMachineTest {
    private static final String TWO_TASKS = Machines.json("""
            {'StartAt': 'NotifyVendors', 'TimeoutSeconds': 600, 'States': {
              'NotifyVendors': {'Type': 'Task', 'Resource': '${NotifyVendorsFunctionArn}', 'Next': 'NotifyCustomer'},
              'NotifyCustomer': {'Type': 'Task', 'Resource': '${NotifyCustomerFunctionArn}', 'End': true}
            }}""");

    @Test
    void replaces_each_placeholder_with_its_substitution_before_parsing() {
        StateMachine machine = StateMachine.parse(TWO_TASKS, Map.of(
                "NotifyVendorsFunctionArn", "arn:aws:lambda:ap-south-1:123456789012:function:milkrun-NotifyVendors",
                "NotifyCustomerFunctionArn", "arn:aws:lambda:ap-south-1:123456789012:function:NotifyCustomer:live"));

        assertThat(machine.startAt()).isEqualTo("NotifyVendors");
        assertThat(machine.taskResources()).containsExactly(
                "arn:aws:lambda:ap-south-1:123456789012:function:milkrun-NotifyVendors",
                "arn:aws:lambda:ap-south-1:123456789012:function:NotifyCustomer:live");
        assertThat(machine.taskNames()).containsExactly("milkrun-NotifyVendors", "NotifyCustomer");
        assertThat(machine.timeoutSeconds()).hasValue(600);
        assertThat(machine.state("NotifyCustomer")).isInstanceOf(State.Task.class);
        assertThat(machine.state("NotifyCustomer").type()).isEqualTo("Task");
    }

    @Test
    void local_substitutions_point_every_function_arn_placeholder_at_a_local_function_of_that_name() {
        Map<String, String> local = StateMachine.localSubstitutions(TWO_TASKS);

        assertThat(local).containsExactlyInAnyOrderEntriesOf(Map.of(
                "NotifyVendorsFunctionArn", "arn:aws:lambda:local:000000000000:function:NotifyVendors",
                "NotifyCustomerFunctionArn", "arn:aws:lambda:local:000000000000:function:NotifyCustomer"));
        assertThat(StateMachine.parse(TWO_TASKS, local).taskNames())
                .containsExactly("NotifyVendors", "NotifyCustomer");
    }

    @Test
    void the_task_name_is_the_function_name_of_a_lambda_arn() {
        assertThat(StateMachine.taskName("arn:aws:lambda:local:000000000000:function:NotifyVendors"))
                .isEqualTo("NotifyVendors");
        assertThat(StateMachine.taskName("arn:aws:lambda:ap-south-1:123456789012:function:ReleaseInventory:7"))
                .isEqualTo("ReleaseInventory");
        assertThat(StateMachine.taskName("UpdateOrderStatus")).isEqualTo("UpdateOrderStatus");
    }

    @Test
    void refuses_a_placeholder_without_a_substitution_naming_it() {
        assertThatThrownBy(() -> StateMachine.parse(TWO_TASKS, Map.of("NotifyVendorsFunctionArn", "NotifyVendors")))
                .isInstanceOf(InvalidDefinition.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("${NotifyCustomerFunctionArn}")
                .hasMessageNotContaining("${NotifyVendorsFunctionArn}");
    }

    @Test
    void refuses_a_next_naming_no_state() {
        assertInvalid("""
                {'StartAt': 'Churn', 'States': {
                  'Churn': {'Type': 'Pass', 'Next': 'Bottle'}
                }}""", "goes to 'Bottle', which is no state");
    }

    @Test
    void refuses_a_default_or_a_catch_naming_no_state() {
        assertInvalid("""
                {'StartAt': 'Fresh?', 'States': {
                  'Fresh?': {'Type': 'Choice', 'Default': 'Discard',
                             'Choices': [{'Variable': '$.fresh', 'BooleanEquals': true, 'Next': 'Sell'}]},
                  'Sell': {'Type': 'Task', 'Resource': 'Sell', 'End': true,
                           'Catch': [{'ErrorEquals': ['States.ALL'], 'Next': 'Refund'}]}
                }}""", "'Fresh?': goes to 'Discard'", "'Sell': goes to 'Refund'");
    }

    @Test
    void refuses_a_start_at_naming_no_state() {
        assertInvalid("""
                {'StartAt': 'Milk', 'States': {'Curd': {'Type': 'Succeed'}}}""", "StartAt names no state: 'Milk'");
        assertInvalid("""
                {'States': {'Curd': {'Type': 'Succeed'}}}""", "StartAt is missing");
    }

    @Test
    void refuses_state_types_it_cannot_run() {
        assertInvalid("""
                {'StartAt': 'EachVendor', 'States': {
                  'EachVendor': {'Type': 'Map', 'Next': 'Done'},
                  'Both': {'Type': 'Parallel', 'Branches': [], 'End': true},
                  'Done': {'Type': 'Succeed'}
                }}""", "State 'EachVendor': Type Map is not supported", "State 'Both': Type Parallel is not supported");
    }

    @Test
    void refuses_a_task_without_resource_and_states_that_neither_go_on_nor_end() {
        assertInvalid("""
                {'StartAt': 'Notify', 'States': {
                  'Notify': {'Type': 'Task', 'Next': 'Hold'},
                  'Hold': {'Type': 'Wait', 'Seconds': 5},
                  'Route': {'Type': 'Choice', 'Choices': []},
                  'Both': {'Type': 'Pass', 'Next': 'Hold', 'End': true}
                }}""", "'Notify': a Task needs a Resource", "'Hold': needs either Next or",
                "'Route': a Choice needs a non-empty Choices array", "'Both': needs either Next or");
    }

    @Test
    void refuses_malformed_paths_rules_and_retriers() {
        assertInvalid("""
                {'StartAt': 'A', 'States': {
                  'A': {'Type': 'Pass', 'InputPath': '$.lines[*]', 'Next': 'B'},
                  'B': {'Type': 'Choice', 'Choices': [{'Variable': '$.litres', 'NumericEquals': 'two', 'Next': 'C'}]},
                  'C': {'Type': 'Task', 'Resource': 'C', 'Retry': [{'ErrorEquals': []}], 'Next': 'D'},
                  'D': {'Type': 'Pass', 'Parameters': {'total.$': 'States.MathAdd($.a, $.b)'}, 'End': true}
                }}""", "'A': InputPath: '$.lines[*]' is not a reference path", "NumericEquals cannot compare with",
                "'C': ErrorEquals must be a non-empty array", "intrinsic functions");
    }

    @Test
    void refuses_text_that_is_not_json() {
        assertThatThrownBy(() -> StateMachine.parse("{'StartAt': ", Map.of()))
                .isInstanceOf(InvalidDefinition.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void parses_the_order_processing_definition_packaged_from_infra() {
        StateMachine machine = Machines.orderProcessing();

        assertThat(machine.startAt()).isEqualTo("NotifyVendors");
        assertThat(machine.taskNames()).containsExactlyInAnyOrder("NotifyVendors", "UpdateOrderStatus",
                "NotifyCustomer", "HandleOrderFailure", "ReleaseInventory");
        assertThat(machine.timeoutSeconds()).hasValue(3600);
        State.Task notifyVendors = (State.Task) machine.state("NotifyVendors");
        assertThat(notifyVendors.timeoutSeconds()).isEqualTo(10);
        assertThat(notifyVendors.retry()).containsExactly(new State.Retrier(
                List.of("States.TaskFailed", "States.Timeout"), 2, 3, 2.0, Optional.empty()));
        assertThat(machine.state("OrderFailed")).isEqualTo(new State.Fail("OrderFailed",
                Optional.of("OrderProcessingFailed"), Optional.empty(),
                Optional.of("Order processing workflow failed"), Optional.empty()));
    }

    @Test
    void answers_no_state_for_an_unknown_name() {
        StateMachine machine = Machines.orderProcessing();

        assertThat(machine.find("Churn")).isEmpty();
        assertThatThrownBy(() -> machine.state("Churn")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertInvalid(String asl, String... messageParts) {
        assertThatThrownBy(() -> Machines.parse(asl))
                .isInstanceOf(InvalidDefinition.class)
                .hasMessageContainingAll(messageParts);
    }
}
