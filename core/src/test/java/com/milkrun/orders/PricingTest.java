package com.milkrun.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seed's pricing examples P1–P9 and its "Pricing Calculation" unit tests. */
class PricingTest {
    @ParameterizedTest(name = "{0}: subtotal {1}, {2} vendor(s), first order {3}")
    @CsvSource({
            "P1 milk 2x50 + yogurt 3x30,       190, 1, false, 9.5,   40, 0,  239.5",
            "P2 one vendor,                    450, 1, false, 22.5,  20, 0,  492.5",
            "P3 contract example with two vendors, 450, 2, false, 22.5,  30, 0,  502.5",
            "P4 exactly 300,                   300, 1, false, 15,    20, 0,  335",
            "P5 just under 300,                299, 1, false, 14.95, 40, 0,  353.95",
            "P6 exactly 500 is free,           500, 1, false, 25,    0,  0,  525",
            "P7 three vendors,                 190, 3, false, 9.5,   60, 0,  259.5",
            "P8 first order,                   190, 1, true,  9.5,   40, 19, 220.5",
            "P9 first order capped at 50,      600, 1, true,  30,    0,  50, 580"
    })
    void prices_the_documented_worked_examples(String name, String subtotal, int vendors, boolean firstOrder, String tax,
                                          String delivery, String discount, String total) {
        Pricing p = Pricing.of(lines(subtotal, vendors), firstOrder, 0);
        assertThat(p.subtotal()).isEqualByComparingTo(subtotal);
        assertThat(p.tax()).isEqualByComparingTo(tax);
        assertThat(p.deliveryCharge()).isEqualByComparingTo(delivery);
        assertThat(p.discount()).isEqualByComparingTo(discount);
        assertThat(p.totalAmount()).isEqualByComparingTo(total);
        assertThat(p.cgst().add(p.sgst())).isEqualByComparingTo(p.tax());
    }

    @Test
    void should_calculate_subtotal_correctly() {
        assertThat(Pricing.of(List.of(Orders.milk(2), Orders.yogurt(3)), false, 0).subtotal()).isEqualByComparingTo("190");
    }

    @Test
    void should_apply_5_percent_gst_split_into_cgst_and_sgst() {
        Pricing p = Pricing.of(lines("450", 1), false, 0);
        assertThat(p.cgst()).isEqualByComparingTo("11.25");
        assertThat(p.sgst()).isEqualByComparingTo("11.25");
    }

    @Test
    void should_apply_free_delivery_from_500_and_charge_40_under_300() {
        assertThat(Pricing.of(lines("500.01", 1), false, 0).baseDeliveryCharge()).isEqualByComparingTo("0");
        assertThat(Pricing.of(lines("299.99", 1), false, 0).baseDeliveryCharge()).isEqualByComparingTo("40");
    }

    @Test
    void should_calculate_multi_vendor_surcharge_even_with_free_delivery() {
        Pricing p = Pricing.of(lines("600", 2), false, 0);
        assertThat(p.baseDeliveryCharge()).isEqualByComparingTo("0");
        assertThat(p.multiVendorSurcharge()).isEqualByComparingTo("10");
    }

    @Test
    void redeems_points_at_one_rupee_each_but_never_beyond_the_subtotal() {
        Pricing some = Pricing.of(lines("190", 1), false, 25);
        assertThat(some.pointsRedeemed()).isEqualTo(25);
        assertThat(some.totalAmount()).isEqualByComparingTo("214.5");
        Pricing many = Pricing.of(lines("190", 1), true, 1000);
        assertThat(many.pointsRedeemed()).isEqualTo(171);
        assertThat(many.discount()).isEqualByComparingTo("190");
        assertThat(many.totalAmount()).isEqualByComparingTo("49.5");
    }

    @Test
    void earns_a_loyalty_point_for_every_full_hundred_rupees_paid() {
        assertThat(Pricing.of(lines("190", 1), false, 0).pointsEarned()).isEqualTo(2);
        assertThat(Pricing.of(lines("75", 1), false, 0).pointsEarned()).isEqualTo(1);
        assertThat(Pricing.of(lines("50", 1), false, 0).pointsEarned()).isZero();
    }

    @Test
    void checks_the_minimum_order_value_on_the_subtotal() {
        assertThat(Pricing.of(lines("75", 1), false, 0).belowMinimum()).isTrue();
        assertThat(Pricing.of(lines("100", 1), false, 0).belowMinimum()).isFalse();
    }

    /** Lines adding up to {@code subtotal}, spread over {@code vendors} vendors. */
    private static List<OrderLine> lines(String subtotal, int vendors) {
        java.math.BigDecimal total = new java.math.BigDecimal(subtotal);
        java.util.ArrayList<OrderLine> lines = new java.util.ArrayList<>();
        for (int v = 1; v < vendors; v++) {
            lines.add(Orders.line("vendor-" + v, "10", 1));
            total = total.subtract(java.math.BigDecimal.TEN);
        }
        lines.add(Orders.line("vendor-" + vendors, total.toPlainString(), 1));
        return lines;
    }
}
