package com.milkrun.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Object Mother for orders: Asha's usual breakfast order from Gir Organic Dairy. */
final class Orders {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private Orders() {
    }

    static Builder placed() {
        return new Builder();
    }

    static OrderLine milk(int quantity) {
        return OrderLine.priced("prod-milk-500ml", "vendor-001", "Gir Organic Dairy", "Organic Milk 500ml", "500 ml", quantity, new BigDecimal("50"));
    }

    static OrderLine yogurt(int quantity) {
        return OrderLine.priced("prod-yogurt-200g", "vendor-001", "Gir Organic Dairy", "Greek Yogurt 200g", "200 g", quantity, new BigDecimal("30"));
    }

    static OrderLine line(String vendorId, String price, int quantity) {
        return OrderLine.priced("prod-" + vendorId + "-" + price, vendorId, vendorId, "Item " + price, "1", quantity, new BigDecimal(price));
    }

    static final class Builder {
        Order withStatus(OrderStatus status) {
            List<OrderLine> lines = List.of(milk(2), yogurt(3));
            return new Order("order-1", "user-demo-asha", lines, Pricing.of(lines, false, 0), status, LocalDate.parse("2026-11-27"),
                    new DeliveryAddress("addr-home", "Home", "123 Main Street", "", "Vadodara", "Gujarat", "390001"),
                    PaymentMethod.CASH_ON_DELIVERY, NOW, NOW, 1);
        }
    }
}
