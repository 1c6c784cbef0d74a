package com.milkrun.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class ReferencePathTest {
    private static final JsonNode ORDER = Json.parse(Machines.json("""
            {'orderId': 'order-asha', 'customer': {'name': 'Asha', 'pin code': '390001'},
             'lines': [{'sku': 'TONED-500ML', 'qty': 2}, {'sku': 'CURD-400G', 'qty': 1}], 'note': null}"""));

    @Test
    void reads_the_root_fields_nested_fields_quoted_fields_and_array_elements() {
        assertThat(read("$")).isEqualTo(ORDER);
        assertThat(read("$.orderId")).isEqualTo(new TextNode("order-asha"));
        assertThat(read("$.customer.name")).isEqualTo(new TextNode("Asha"));
        assertThat(read("$['customer']['pin code']")).isEqualTo(new TextNode("390001"));
        assertThat(read("$.customer[\"name\"]")).isEqualTo(new TextNode("Asha"));
        assertThat(read("$.lines[1].sku")).isEqualTo(new TextNode("CURD-400G"));
        assertThat(read("$.lines[0]['qty']")).isEqualTo(new IntNode(2));
        assertThat(read("$.note").isNull()).isTrue();
    }

    @Test
    void reads_nothing_where_the_path_names_nothing() {
        for (String path : new String[] {"$.paid", "$.customer.phone", "$.lines[2]", "$.orderId.length",
                                         "$.lines.sku", "$.customer[0]", "$.note.text"}) {
            assertThat(ReferencePath.parse(path).read(ORDER)).as(path).isEmpty();
        }
    }

    @Test
    void sets_a_field_creating_the_objects_on_the_way_without_touching_the_original() {
        JsonNode updated = ReferencePath.parse("$.delivery.slot.start").set(ORDER, new TextNode("06:00")).orElseThrow();

        assertThat(updated.at("/delivery/slot/start").asText()).isEqualTo("06:00");
        assertThat(updated.get("orderId").asText()).isEqualTo("order-asha");
        assertThat(ORDER.has("delivery")).isFalse();
    }

    @Test
    void sets_over_an_existing_field_a_null_field_and_an_existing_array_element() {
        assertThat(ReferencePath.parse("$.customer.name").set(ORDER, new TextNode("Asha Patel")).orElseThrow()
                .at("/customer/name").asText()).isEqualTo("Asha Patel");
        assertThat(ReferencePath.parse("$.note.text").set(ORDER, new TextNode("ring twice")).orElseThrow()
                .at("/note/text").asText()).isEqualTo("ring twice");
        assertThat(ReferencePath.parse("$.lines[1].qty").set(ORDER, new IntNode(3)).orElseThrow()
                .at("/lines/1/qty").asInt()).isEqualTo(3);
        assertThat(ReferencePath.parse("$['customer']['pin code']").set(ORDER, new TextNode("390002"))
                .orElseThrow().at("/customer/pin code").asText()).isEqualTo("390002");
    }

    @Test
    void setting_the_root_gives_the_value_itself() {
        assertThat(ReferencePath.ROOT.set(ORDER, new TextNode("done"))).contains(new TextNode("done"));
        assertThat(ReferencePath.parse("$").isRoot()).isTrue();
    }

    @Test
    void cannot_set_through_a_value_that_is_no_object_or_past_the_end_of_an_array() {
        assertThat(ReferencePath.parse("$.orderId.suffix").set(ORDER, new TextNode("x"))).isEmpty();
        assertThat(ReferencePath.parse("$.lines[5]").set(ORDER, new TextNode("x"))).isEmpty();
        assertThat(ReferencePath.parse("$.lines.sku").set(ORDER, new TextNode("x"))).isEmpty();
        assertThat(ReferencePath.parse("$.result").set(new TextNode("plain"), new TextNode("x"))).isEmpty();
    }

    @Test
    void refuses_json_paths_that_are_not_reference_paths() {
        for (String path : new String[] {"orderId", "$..sku", "$.lines[*]", "$.lines[?(@.qty > 1)]", "$.*", "$.",
                                         "$lines", "$.lines[0", "$.lines[-1]"}) {
            assertThatThrownBy(() -> ReferencePath.parse(path)).as(path).isInstanceOf(InvalidDefinition.class)
                    .hasMessageContaining("is not a reference path");
        }
    }

    @Test
    void paths_are_equal_by_what_they_name_and_print_as_written() {
        assertThat(ReferencePath.parse("$.customer.name")).isEqualTo(ReferencePath.parse("$['customer']['name']"));
        assertThat(ReferencePath.parse("$.customer['name']")).hasToString("$.customer['name']");
    }

    private static JsonNode read(String path) {
        return ReferencePath.parse(path).read(ORDER).orElseThrow();
    }
}
