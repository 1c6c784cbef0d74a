package com.milkrun.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** InputPath, Parameters, ResultSelector, ResultPath and OutputPath, on the documents of a milk delivery. */
class DataFlowTest {
    private static final JsonNode INPUT = json("""
            {'orderId': 'order-asha', 'customer': {'name': 'Asha', 'pinCode': '390001'},
             'lines': [{'sku': 'TONED-500ML', 'qty': 2}, {'sku': 'CURD-400G', 'qty': 1}]}""");
    private static final JsonNode CONTEXT = json("""
            {'Execution': {'Id': 'run-asha', 'StartTime': '2026-03-02T06:00:00Z'},
             'State': {'Name': 'NotifyVendors', 'RetryCount': 2}}""");

    @Test
    void parameters_copy_literals_and_fill_dollar_fields_from_the_input_and_the_context_at_every_depth() {
        PayloadTemplate parameters = PayloadTemplate.of(json("""
                {'orderId.$': '$.orderId', 'status': 'Confirmed', 'runId.$': '$$.Execution.Id',
                 'attempt': {'retries.$': '$$.State.RetryCount', 'state.$': '$$.State.Name'},
                 'vendor': {'pinCode.$': '$.customer.pinCode', 'firstSku.$': '$.lines[0].sku'},
                 'lines': [{'sku.$': '$.lines[1].sku', 'fixed': 1}, 'plain'],
                 'everything.$': '$', 'started.$': '$$.Execution.StartTime'}"""));

        JsonNode effective = parameters.apply(INPUT, CONTEXT);

        assertThat(effective).isEqualTo(json("""
                {'orderId': 'order-asha', 'status': 'Confirmed', 'runId': 'run-asha',
                 'attempt': {'retries': 2, 'state': 'NotifyVendors'},
                 'vendor': {'pinCode': '390001', 'firstSku': 'TONED-500ML'},
                 'lines': [{'sku': 'CURD-400G', 'fixed': 1}, 'plain'],
                 'everything': %s, 'started': '2026-03-02T06:00:00Z'}""".formatted(INPUT.toString()
                .replace('"', '\''))));
    }

    @Test
    void a_parameter_path_naming_nothing_is_a_runtime_error() {
        PayloadTemplate parameters = PayloadTemplate.of(json("{'paid.$': '$.payment.paid'}"));
        PayloadTemplate context = PayloadTemplate.of(json("{'token.$': '$$.Task.Token'}"));

        assertThatThrownBy(() -> parameters.apply(INPUT, CONTEXT)).isInstanceOfSatisfying(StatesError.class, e -> {
            assertThat(e.error()).isEqualTo("States.Runtime");
            assertThat(e.cause()).contains("'$.payment.paid'", "'paid.$'");
        });
        assertThatThrownBy(() -> context.apply(INPUT, CONTEXT)).isInstanceOf(StatesError.class)
                .hasMessageContaining("context object");
    }

    @Test
    void a_result_selector_picks_from_the_task_result() {
        JsonNode result = json("{'sent': 2, 'vendors': [{'id': 'vendor-anand'}], 'debug': 'x'}");

        JsonNode selected = PayloadTemplate.of(json("{'count.$': '$.sent', 'first.$': '$.vendors[0].id'}"))
                .apply(result, CONTEXT);

        assertThat(selected).isEqualTo(json("{'count': 2, 'first': 'vendor-anand'}"));
    }

    @Test
    void result_path_dollar_replaces_the_input_with_the_result() {
        assertThat(DataFlow.place(Optional.of(ReferencePath.ROOT), INPUT, json("{'sent': 2}")))
                .isEqualTo(json("{'sent': 2}"));
    }

    @Test
    void a_null_result_path_discards_the_result_and_keeps_the_input() {
        assertThat(DataFlow.place(Optional.empty(), INPUT, json("{'sent': 2}"))).isEqualTo(INPUT);
    }

    @Test
    void a_nested_result_path_puts_the_result_inside_the_input_creating_objects() {
        JsonNode output = DataFlow.place(Optional.of(ReferencePath.parse("$.results.notification")), INPUT,
                json("{'sent': 2}"));

        assertThat(output.get("orderId").asText()).isEqualTo("order-asha");
        assertThat(output.at("/results/notification")).isEqualTo(json("{'sent': 2}"));
        assertThat(INPUT.has("results")).isFalse();
    }

    @Test
    void a_result_path_that_cannot_be_applied_is_a_result_path_match_failure() {
        assertThatThrownBy(() -> DataFlow.place(Optional.of(ReferencePath.parse("$.orderId.result")), INPUT,
                json("{}"))).isInstanceOfSatisfying(StatesError.class,
                e -> assertThat(e.error()).isEqualTo("States.ResultPathMatchFailure"));
    }

    @Test
    void input_and_output_paths_select_a_part_and_null_gives_an_empty_object() {
        assertThat(DataFlow.input(Optional.of(ReferencePath.parse("$.customer")), INPUT))
                .isEqualTo(json("{'name': 'Asha', 'pinCode': '390001'}"));
        assertThat(DataFlow.input(Optional.of(ReferencePath.ROOT), INPUT)).isEqualTo(INPUT);
        assertThat(DataFlow.input(Optional.empty(), INPUT)).isEqualTo(json("{}"));
        assertThat(DataFlow.output(Optional.of(ReferencePath.parse("$.lines[0].qty")), INPUT).asInt()).isEqualTo(2);
        assertThat(DataFlow.output(Optional.empty(), INPUT)).isEqualTo(json("{}"));
    }

    @Test
    void an_input_or_output_path_naming_nothing_is_a_runtime_error() {
        assertThatThrownBy(() -> DataFlow.input(Optional.of(ReferencePath.parse("$.payment")), INPUT))
                .isInstanceOfSatisfying(StatesError.class, e -> {
                    assertThat(e.error()).isEqualTo("States.Runtime");
                    assertThat(e.cause()).contains("InputPath", "$.payment");
                });
        assertThatThrownBy(() -> DataFlow.output(Optional.of(ReferencePath.parse("$.payment")), INPUT))
                .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.cause()).contains("OutputPath"));
    }

    @Test
    void retry_and_catch_match_errors_as_the_language_says() {
        var taskFailed = List.of("States.TaskFailed");
        var all = List.of("States.ALL");

        assertThat(Interpreter.matches(taskFailed, "States.TaskFailed")).isTrue();
        assertThat(Interpreter.matches(taskFailed, "OrderNotFound")).isTrue();
        assertThat(Interpreter.matches(taskFailed, "States.Timeout")).isFalse();
        assertThat(Interpreter.matches(all, "States.Timeout")).isTrue();
        assertThat(Interpreter.matches(all, "States.Runtime")).isFalse();
        assertThat(Interpreter.matches(List.of("OrderNotFound"), "OrderNotFound")).isTrue();
        assertThat(Interpreter.matches(List.of("OrderNotFound"), "VendorBusy")).isFalse();
    }

    @Test
    void retry_delays_grow_by_the_backoff_rate_up_to_the_max_delay() {
        var retrier = new State.Retrier(List.of("States.ALL"), 2, 5, 2.0, Optional.of(10L));

        assertThat(Interpreter.delay(retrier, 0)).hasSeconds(2);
        assertThat(Interpreter.delay(retrier, 1)).hasSeconds(4);
        assertThat(Interpreter.delay(retrier, 2)).hasSeconds(8);
        assertThat(Interpreter.delay(retrier, 3)).hasSeconds(10);
        assertThat(Interpreter.delay(new State.Retrier(List.of("X"), 1, 3, 1.5, Optional.empty()), 1))
                .hasMillis(1500);
    }

    private static JsonNode json(String singleQuoted) {
        return Json.parse(Machines.json(singleQuoted));
    }
}
