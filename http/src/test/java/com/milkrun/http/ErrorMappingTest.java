package com.milkrun.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import com.milkrun.shared.ValidationException;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ErrorMappingTest {
    @ParameterizedTest(name = "{0} answers {1}")
    @CsvSource({"INVALID,400", "UNAUTHENTICATED,401", "FORBIDDEN,403", "NOT_FOUND,404", "CONFLICT,409",
            "UNPROCESSABLE,422", "TOO_MANY_REQUESTS,429"})
    void maps_every_failure_kind_to_one_status(Failure failure, int status) {
        assertThat(ErrorMapping.status(new DomainException(failure, "Any", "any"))).isEqualTo(status);
    }

    @Test
    void writes_the_flat_envelope_with_details_and_field_errors() {
        var answer = ErrorMapping.toResponse(ValidationException.of("zipCode", "Pincode must be 6 digits", "INVALID_PINCODE"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.bodyText()).isEqualTo("{\"error\":\"ValidationError\",\"message\":\"Invalid input data\","
                + "\"errors\":[{\"field\":\"zipCode\",\"message\":\"Pincode must be 6 digits\",\"code\":\"INVALID_PINCODE\"}]}");
    }

    @Test
    void tells_a_throttled_client_when_to_come_back() {
        var answer = ErrorMapping.toResponse(new DomainException(Failure.TOO_MANY_REQUESTS, "TooManyAttempts", "wait",
                Map.of("retryAfterSeconds", 120L)));
        assertThat(answer.headers()).containsEntry("Retry-After", "120");
    }

    @Test
    void hides_internal_errors_behind_a_request_id() {
        var answer = ErrorMapping.internalError("req-1");
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.bodyText()).contains("\"requestId\":\"req-1\"").doesNotContain("Exception");
    }
}
