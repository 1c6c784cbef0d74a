package com.milkrun.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import com.milkrun.shared.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request's body is parsed once and read by the read-ahead, the attempt guard and the handler alike. */
class RequestBodyTest {
    @Test
    void every_reader_reads_the_same_fields() {
        RequestBody body = new RequestBody(request("application/json", "{\"name\":\"Asha\",\"units\":3}"));

        assertThat(body.json().string("name")).isEqualTo("Asha");
        assertThat(body.json().integer("units")).isEqualTo(3);
    }

    @Test
    void a_wrong_type_one_reader_records_is_not_another_readers() {
        RequestBody body = new RequestBody(request("application/json", "{\"name\":5}"));
        Body readAhead = body.json();
        assertThat(readAhead.string("name")).isNull();

        Body handler = body.json();
        assertThat(handler.string("name")).isNull();
        ValidationException refused = (ValidationException) catchRuntimeException(handler::throwIfWrongTypes);

        assertThat(refused.errors()).hasSize(1);
    }

    @Test
    void a_body_that_is_not_json_is_refused_the_same_way_every_time() {
        RequestBody body = new RequestBody(request("application/json", "{\"name\":"));

        RuntimeException first = catchRuntimeException(body::json);
        RuntimeException second = catchRuntimeException(body::json);

        assertThat(first).isNotNull().isSameAs(second);
    }

    @Test
    void a_body_of_another_media_type_is_a_415() {
        RequestBody body = new RequestBody(request("text/plain", "{}"));

        assertThat(catchRuntimeException(body::json)).isInstanceOfSatisfying(HttpProblem.class,
                p -> assertThat(p.status()).isEqualTo(415));
    }

    private static ApiRequest request(String type, String json) {
        return new ApiRequest("POST", "/orders", Map.of(), Map.of("content-type", type),
                json.getBytes(StandardCharsets.UTF_8), "203.0.113.7", "req-1");
    }
}
