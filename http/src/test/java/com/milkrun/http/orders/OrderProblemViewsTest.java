package com.milkrun.http.orders;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.http.ErrorMapping;
import com.milkrun.orders.OrderProblem;
import com.milkrun.orders.Shortage;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of order problem written into the error envelope, field by field, in a stable order. */
class OrderProblemViewsTest {
    @Test
    void a_short_line_names_the_first_product_and_lists_every_short_line() {
        var answer = ErrorMapping.toResponse(new DomainException(Failure.INVALID, "InsufficientStock",
                "Product 'Greek Yogurt 200g' has only 40 units available", new OrderProblem.InsufficientStock(List.of(
                new Shortage("prod-yogurt-200g", "vendor-001", "Greek Yogurt 200g", 40, 41),
                new Shortage("prod-milk-500ml", "vendor-001", "Organic Milk 500ml", 0, 2)))));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.bodyText()).isEqualTo("{\"error\":\"InsufficientStock\","
                + "\"message\":\"Product 'Greek Yogurt 200g' has only 40 units available\","
                + "\"productId\":\"prod-yogurt-200g\",\"availableQuantity\":40,\"requestedQuantity\":41,\"unavailableItems\":["
                + "{\"productId\":\"prod-yogurt-200g\",\"vendorId\":\"vendor-001\",\"productName\":\"Greek Yogurt 200g\","
                + "\"availableQuantity\":40,\"requestedQuantity\":41},"
                + "{\"productId\":\"prod-milk-500ml\",\"vendorId\":\"vendor-001\",\"productName\":\"Organic Milk 500ml\","
                + "\"availableQuantity\":0,\"requestedQuantity\":2}]}");
    }

    @Test
    void a_small_order_tells_its_total_and_the_minimum_as_plain_rupees() {
        var answer = ErrorMapping.toResponse(new DomainException(Failure.INVALID, "MinimumOrderValue", "Order total must be at least ₹100",
                new OrderProblem.MinimumOrderValue(new BigDecimal("45.50"), new BigDecimal("100.00"))));
        assertThat(answer.bodyText()).endsWith("\"currentTotal\":45.5,\"minimumRequired\":100}");
    }

    @Test
    void an_incomplete_profile_lists_the_missing_fields() {
        var answer = ErrorMapping.toResponse(new DomainException(Failure.CONFLICT, "ProfileIncomplete", "Please complete your profile",
                new OrderProblem.ProfileIncomplete(List.of("phone", "address"))));
        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.bodyText()).endsWith("\"missingFields\":[\"phone\",\"address\"]}");
    }

    @Test
    void unknown_and_undeliverable_lines_name_the_first_and_list_them_all() {
        var unknown = ErrorMapping.toResponse(new DomainException(Failure.INVALID, "ProductNotFound", "not available",
                new OrderProblem.ProductNotFound(List.of(new OrderProblem.UnknownLine("prod-ghee-1l", "vendor-001")))));
        assertThat(unknown.bodyText()).endsWith("\"productId\":\"prod-ghee-1l\",\"vendorId\":\"vendor-001\","
                + "\"unavailableItems\":[{\"productId\":\"prod-ghee-1l\",\"vendorId\":\"vendor-001\"}]}");
        var far = ErrorMapping.toResponse(new DomainException(Failure.INVALID, "NotDeliverable", "does not deliver",
                new OrderProblem.NotDeliverable("400001", List.of(
                        new OrderProblem.UndeliverableLine("prod-lassi", "vendor-gokul", "Gokul Dairy")))));
        assertThat(far.bodyText()).endsWith("\"productId\":\"prod-lassi\",\"vendorId\":\"vendor-gokul\",\"zipCode\":\"400001\","
                + "\"unavailableItems\":[{\"productId\":\"prod-lassi\",\"vendorId\":\"vendor-gokul\",\"vendorName\":\"Gokul Dairy\"}]}");
    }
}
