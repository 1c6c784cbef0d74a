package com.milkrun.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.shared.FieldError;
import com.milkrun.shared.Input;
import com.milkrun.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seed's "Input Validation" tests and every code of its {@code OrderValidator}, in business time (IST). */
class OrderValidatorTest {
    /** 15:30 in Kolkata on 25 November 2026: before the 22:00 cut-off. */
    private static final Instant AFTERNOON = Instant.parse("2026-11-25T10:00:00Z");
    /** 22:30 in Kolkata: after the cut-off. */
    private static final Instant LATE_EVENING = Instant.parse("2026-11-25T17:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-25");
    private final OrderValidator validator = new OrderValidator(DeliveryWindow.standard(ZoneId.of("Asia/Kolkata")));

    @Test
    void should_accept_valid_input() {
        ValidOrderRequest valid = validator.validate(request(List.of(item("prod-milk-500ml", "vendor-001", 2),
                item("prod-yogurt-200g", "vendor-001", 3)), TODAY.plusDays(1).toString(), "addr-home"), AFTERNOON);
        assertThat(valid.items()).hasSize(2);
        assertThat(valid.deliveryDate()).isEqualTo(TODAY.plusDays(1));
        assertThat(valid.paymentMethod()).isEqualTo(PaymentMethod.CASH_ON_DELIVERY);
    }

    @Test
    void should_reject_empty_items_array() {
        assertThat(codes(request(List.of(), tomorrow(), "addr-home"))).containsExactly("items:EMPTY_ITEMS");
        assertThat(codes(request(null, tomorrow(), "addr-home"))).containsExactly("items:EMPTY_ITEMS");
    }

    @Test
    void rejects_more_than_fifty_items_and_accepts_fifty() {
        assertThat(codes(request(items(51), tomorrow(), "addr-home"))).containsExactly("items:TOO_MANY_ITEMS");
        assertThat(validator.validate(request(items(50), tomorrow(), "addr-home"), AFTERNOON).items()).hasSize(50);
    }

    @ParameterizedTest(name = "quantity {0} -> {1}")
    @CsvSource({"0, INVALID_QUANTITY", "-3, INVALID_QUANTITY", "101, QUANTITY_TOO_HIGH", "2.5, NON_INTEGER_QUANTITY",
            "1.5, NON_INTEGER_QUANTITY", "100.5, QUANTITY_TOO_HIGH", "1000, QUANTITY_TOO_HIGH"})
    void should_reject_negative_zero_huge_and_fractional_quantities(String quantity, String code) {
        assertThat(codes(request(List.of(item("prod-milk-500ml", "vendor-001", new BigDecimal(quantity))), tomorrow(), "addr-home")))
                .containsExactly("items[0].quantity:" + code);
    }

    @Test
    void accepts_one_and_a_hundred_and_refuses_a_quantity_sent_as_text() {
        assertThat(validator.validate(request(List.of(item("prod-a1", "vendor-001", 1), item("prod-a2", "vendor-001", 100)),
                tomorrow(), "addr-home"), AFTERNOON).items()).extracting(ValidOrderRequest.Item::quantity).containsExactly(1, 100);
        assertThat(codes(request(List.of(item("prod-milk-500ml", "vendor-001", "5")), tomorrow(), "addr-home")))
                .containsExactly("items[0].quantity:NON_INTEGER_QUANTITY");
    }

    @Test
    void checks_product_and_vendor_ids() {
        List<OrderRequest.Item> list = List.of(item("milk-1", "v-001", 1), item(null, null, 1), item("prod-ok", "vendor_001", 1));
        assertThat(codes(request(list, tomorrow(), "addr-home"))).containsExactly(
                "items[0].productId:INVALID_PRODUCT_ID", "items[0].vendorId:INVALID_VENDOR_ID",
                "items[1].productId:MISSING_PRODUCT_ID", "items[1].vendorId:MISSING_VENDOR_ID",
                "items[2].vendorId:INVALID_VENDOR_ID");
    }

    @Test
    void should_reject_invalid_date_format_and_impossible_dates() {
        assertThat(codes(request(items(1), "15-10-2025", "addr-home"))).containsExactly("deliveryDate:INVALID_DATE_FORMAT");
        assertThat(codes(request(items(1), "2025-13-45", "addr-home"))).containsExactly("deliveryDate:INVALID_DATE");
        assertThat(codes(request(items(1), "2027-02-30", "addr-home"))).containsExactly("deliveryDate:INVALID_DATE");
        assertThat(codes(request(items(1), null, "addr-home"))).containsExactly("deliveryDate:MISSING_DELIVERY_DATE");
    }

    @Test
    void should_reject_past_delivery_dates_with_the_documented_message() {
        assertThatThrownBy(() -> validator.validate(request(items(1), "2025-10-01", "addr-home"), AFTERNOON))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Invalid delivery date");
                    assertThat(e.errors()).containsExactly(new FieldError("deliveryDate", "Delivery date cannot be in the past", "INVALID_DATE"));
                });
    }

    @Test
    void should_reject_today_accept_tomorrow_and_a_week_ahead_and_reject_beyond() {
        assertThat(codes(request(items(1), TODAY.toString(), "addr-home"))).containsExactly("deliveryDate:DATE_TOO_EARLY");
        assertThat(validator.validate(request(items(1), TODAY.plusDays(1).toString(), "addr-home"), AFTERNOON)).isNotNull();
        assertThat(validator.validate(request(items(1), TODAY.plusDays(7).toString(), "addr-home"), AFTERNOON)).isNotNull();
        assertThat(codes(request(items(1), TODAY.plusDays(8).toString(), "addr-home"))).containsExactly("deliveryDate:DATE_TOO_FAR");
    }

    @Test
    void after_the_cut_off_tomorrow_is_too_early() {
        assertThatThrownBy(() -> validator.validate(request(items(1), TODAY.plusDays(1).toString(), "addr-home"), LATE_EVENING))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors().get(0).code()).isEqualTo("DATE_TOO_EARLY");
                    assertThat(e.errors().get(0).message()).contains("22:00");
                });
        assertThat(validator.validate(request(items(1), TODAY.plusDays(2).toString(), "addr-home"), LATE_EVENING)).isNotNull();
    }

    @Test
    void checks_the_address_id_and_reports_every_error_at_once() {
        assertThat(codes(request(List.of(item("x", "y", 0)), "soon", null))).containsExactly(
                "items[0].productId:INVALID_PRODUCT_ID", "items[0].vendorId:INVALID_VENDOR_ID", "items[0].quantity:INVALID_QUANTITY",
                "deliveryDate:INVALID_DATE_FORMAT", "addressId:MISSING_ADDRESS_ID");
        assertThat(codes(request(items(1), tomorrow(), "a".repeat(101)))).containsExactly("addressId:INVALID_ADDRESS_ID");
    }

    @Test
    void refuses_the_same_product_twice_and_unknown_payment_methods() {
        List<OrderRequest.Item> twice = List.of(item("prod-milk-500ml", "vendor-001", 1), item("prod-milk-500ml", "vendor-001", 2));
        assertThat(codes(request(twice, tomorrow(), "addr-home"))).containsExactly("items[1].productId:DUPLICATE_ITEM");
        assertThat(codes(new OrderRequest(items(1), Input.of(tomorrow()), Input.of("addr-home"), Input.of("Bitcoin"), Input.absent())))
                .containsExactly("paymentMethod:INVALID_PAYMENT_METHOD");
    }

    private List<String> codes(OrderRequest request) {
        try {
            validator.validate(request, AFTERNOON);
            return List.of();
        } catch (ValidationException e) {
            return e.errors().stream().map(f -> f.field() + ":" + f.code()).toList();
        }
    }

    private static String tomorrow() {
        return TODAY.plusDays(1).toString();
    }

    private static OrderRequest request(List<OrderRequest.Item> items, String date, String addressId) {
        return new OrderRequest(items, Input.of(date), Input.of(addressId), Input.absent(), Input.absent());
    }

    private static List<OrderRequest.Item> items(int n) {
        List<OrderRequest.Item> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(item("prod-item-" + i, "vendor-001", 1));
        }
        return list;
    }

    /** A line as a client might send it: a quantity given as text arrives as a wrong type. */
    private static OrderRequest.Item item(String productId, String vendorId, Object quantity) {
        Input<BigDecimal> amount = switch (quantity) {
            case Integer i -> Input.of(BigDecimal.valueOf(i));
            case BigDecimal d -> Input.of(d);
            default -> Input.wrongType();
        };
        return new OrderRequest.Item(Input.of(productId), Input.of(vendorId), amount);
    }
}
