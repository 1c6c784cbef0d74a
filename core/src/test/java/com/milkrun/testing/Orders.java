package com.milkrun.testing;

import com.milkrun.accounts.Address;
import com.milkrun.orders.DeliveryAddress;
import com.milkrun.orders.Order;
import com.milkrun.orders.OrderLine;
import com.milkrun.orders.OrderStatus;
import com.milkrun.orders.PaymentMethod;
import com.milkrun.orders.Pricing;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Object Mother of orders and their lines: Asha's first order of milk and paneer from Anand Dairy, her second order
 * from two dairies that spends loyalty points, and numbered orders for list tests. Orders are not yet stored
 * (version 0).
 */
public final class Orders {
    /** The day after {@link Times#MORNING_RUN}: the first date an order placed then can be delivered. */
    public static final LocalDate TOMORROW = LocalDate.of(2025, 1, 16);

    private Orders() {
    }

    /** Anand Dairy's "Organic Milk 500ml" at ₹50. */
    public static OrderLine anandMilk(int quantity) {
        return OrderLine.priced("prod-organic-milk-500ml", "vendor-anand", "Anand Dairy", "Organic Milk 500ml", "500 ml",
                quantity, new BigDecimal("50.00"));
    }

    /** Anand Dairy's "Malai Paneer 200g" at ₹90.50. */
    public static OrderLine anandPaneer(int quantity) {
        return OrderLine.priced("prod-malai-paneer-200g", "vendor-anand", "Anand Dairy", "Malai Paneer 200g", "200 g",
                quantity, new BigDecimal("90.50"));
    }

    /** Gokul Dairy's own "Organic Milk 500ml", at ₹48.75: the same product id, another vendor's stock. */
    public static OrderLine gokulMilk(int quantity) {
        return OrderLine.priced("prod-organic-milk-500ml", "vendor-gokul", "Gokul Dairy", "Organic Milk 500ml", "500 ml",
                quantity, new BigDecimal("48.75"));
    }

    /** Gokul Dairy's "mango lassi" at ₹35. */
    public static OrderLine gokulLassi(int quantity) {
        return OrderLine.priced("prod-mango-lassi", "vendor-gokul", "Gokul Dairy", "mango lassi", "250 ml", quantity,
                new BigDecimal("35.00"));
    }

    /**
     * Asha's first order, to her home for tomorrow, cash on delivery: 2 × milk and 1 × paneer from Anand Dairy.
     * Subtotal ₹190.50, GST ₹9.53 (CGST ₹4.76 + SGST ₹4.77), delivery ₹40, first-order discount ₹19.05:
     * ₹220.98, which earns 2 loyalty points when delivered.
     */
    public static Order ashasFirstOrder() {
        List<OrderLine> lines = List.of(anandMilk(2), anandPaneer(1));
        return new Order("order-asha-first", "user-asha", lines, Pricing.of(lines, true, 0), OrderStatus.PENDING,
                TOMORROW, DeliveryAddress.of(Users.ashaHome()), PaymentMethod.CASH_ON_DELIVERY, Times.MORNING_RUN,
                Times.MORNING_RUN, 0);
    }

    /**
     * Asha's second order, to her office the day after tomorrow: 2 × paneer from Anand and 3 × milk from Gokul,
     * spending 12 points. Subtotal ₹327.25, GST ₹16.36, delivery ₹20 + ₹10 for the second dairy, points ₹12:
     * ₹361.61, which earns 3 points.
     */
    public static Order ashasTwoDairyOrder() {
        List<OrderLine> lines = List.of(anandPaneer(2), gokulMilk(3));
        Instant at = Times.minutesAfterMorningRun(90);
        return new Order("order-asha-two-dairies", "user-asha", lines, Pricing.of(lines, false, 12),
                OrderStatus.PENDING, TOMORROW.plusDays(1), DeliveryAddress.of(Users.ashaOffice()),
                PaymentMethod.CASH_ON_DELIVERY, at, at, 0);
    }

    /** An order of {@code lines} for a customer, with the id {@code orderId}, placed at {@code at}. */
    public static Order of(String orderId, String userId, List<OrderLine> lines, Instant at) {
        return new Order(orderId, userId, lines, Pricing.of(lines, false, 0), OrderStatus.PENDING, TOMORROW,
                DeliveryAddress.of(Users.ashaHome()), PaymentMethod.CASH_ON_DELIVERY, at, at, 0);
    }

    /** The n-th of many orders for list tests, {@code order-007}: ids sort in the order of n. */
    public static Order numbered(int n, String userId, List<OrderLine> lines, LocalDate deliveryDate, Address address,
                                 Instant at) {
        return new Order(String.format("order-%03d", n), userId, lines, Pricing.of(lines, false, 0),
                OrderStatus.PENDING, deliveryDate, DeliveryAddress.of(address), PaymentMethod.CASH_ON_DELIVERY, at, at,
                0);
    }
}
