package com.milkrun.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.shared.DomainException;
import com.milkrun.shared.FieldError;
import com.milkrun.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyTest {
    private static Body body(String json) {
        return new Body(Json.parseObject(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void reads_each_type_and_treats_absent_and_null_alike() {
        Body b = body("{\"name\":\"Organic Milk 500ml\",\"price\":50.5,\"stock\":50,\"active\":true,\"pincodes\":[\"390001\"],\"unit\":null}");
        assertThat(b.string("name")).isEqualTo("Organic Milk 500ml");
        assertThat(b.decimal("price")).isEqualByComparingTo("50.5");
        assertThat(b.integer("stock")).isEqualTo(50);
        assertThat(b.bool("active")).isTrue();
        assertThat(b.strings("pincodes")).containsExactly("390001");
        assertThat(b.string("unit")).isNull();
        assertThat(b.string("description")).isNull();
        b.throwIfWrongTypes();
    }

    @Test
    void reports_every_wrong_type_at_once() {
        Body b = body("{\"name\":5,\"price\":\"50\",\"stock\":2.5,\"active\":\"yes\",\"pincodes\":[390001]}");
        b.string("name");
        b.decimal("price");
        b.integer("stock");
        b.bool("active");
        b.strings("pincodes");
        assertThatThrownBy(b::throwIfWrongTypes).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(FieldError::field).containsExactly("name", "price", "stock", "active", "pincodes[0]"));
    }

    @Test
    void accepts_a_whole_number_written_with_a_decimal_point_but_not_a_huge_one() {
        assertThat(body("{\"stock\":7.0}").integer("stock")).isEqualTo(7);
        Body huge = body("{\"stock\":99999999999}");
        assertThat(huge.integer("stock")).isNull();
        assertThatThrownBy(huge::throwIfWrongTypes).isInstanceOf(ValidationException.class);
    }

    @Test
    void refuses_bodies_that_are_not_one_json_object() {
        for (String text : new String[] {"", "[]", "42", "\"milk\"", "{\"a\":1} {\"b\":2}", "{\"a\":", "{'a':1}", "{\"a\":NaN}"}) {
            assertThatThrownBy(() -> Json.parseObject(text.getBytes(StandardCharsets.UTF_8)))
                    .as(text).isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("InvalidJson"));
        }
    }
}
