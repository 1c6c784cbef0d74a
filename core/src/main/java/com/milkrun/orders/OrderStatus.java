package com.milkrun.orders;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where an order is in its life, and the one table of the moves allowed between statuses and of what each move
 * does to the stock reserved for the order.
 */
public enum OrderStatus {
    PAYMENT_PENDING("PaymentPending"),
    PENDING("Pending"),
    CONFIRMED("Confirmed"),
    PROCESSING("Processing"),
    OUT_FOR_DELIVERY("OutForDelivery"),
    DELIVERED("Delivered"),
    CANCELLED("Cancelled"),
    FAILED("Failed");

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.of(
            PAYMENT_PENDING, EnumSet.of(PENDING, CANCELLED, FAILED),
            PENDING, EnumSet.of(CONFIRMED, CANCELLED, FAILED),
            CONFIRMED, EnumSet.of(PROCESSING, CANCELLED, FAILED),
            PROCESSING, EnumSet.of(OUT_FOR_DELIVERY, CANCELLED, FAILED),
            OUT_FOR_DELIVERY, EnumSet.of(DELIVERED, FAILED),
            DELIVERED, EnumSet.noneOf(OrderStatus.class),
            CANCELLED, EnumSet.noneOf(OrderStatus.class),
            FAILED, EnumSet.noneOf(OrderStatus.class));

    private final String wireName;

    OrderStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean canMoveTo(OrderStatus next) {
        return NEXT.get(this).contains(next);
    }

    /**
     * What moving from this status to {@code next} does to the order's reserved stock: ending without delivery
     * gives the reservation back, delivery takes the goods off the shelf, every other move leaves it reserved.
     *
     * @throws IllegalArgumentException for a move the table does not allow
     */
    public StockEffect stockEffectOfMovingTo(OrderStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalArgumentException(wireName + " cannot become " + next.wireName);
        }
        return switch (next) {
            case CANCELLED, FAILED -> StockEffect.RELEASE;
            case DELIVERED -> StockEffect.COMMIT;
            case PAYMENT_PENDING, PENDING, CONFIRMED, PROCESSING, OUT_FOR_DELIVERY -> StockEffect.NONE;
        };
    }

    /** Whether stock is still held for the order (reserved, not yet delivered or released). */
    public boolean holdsStock() {
        return this != DELIVERED && this != CANCELLED && this != FAILED;
    }

    public static Optional<OrderStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
