package com.milkrun.orders;

import com.milkrun.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * What an order costs (see "Pricing" in docs/glossary.md): subtotal from catalog prices; 5% GST reported as CGST + SGST;
 * delivery ₹0 from ₹500, ₹20 from ₹300, else ₹40, plus ₹10 for each vendor beyond the first; first-order discount
 * 10% of the subtotal up to ₹50; loyalty points at ₹1 each; the discount never exceeds the subtotal.
 */
public record Pricing(BigDecimal subtotal, BigDecimal cgst, BigDecimal sgst, BigDecimal tax, BigDecimal baseDeliveryCharge,
                      BigDecimal multiVendorSurcharge, BigDecimal deliveryCharge, BigDecimal firstOrderDiscount,
                      int pointsRedeemed, BigDecimal discount, BigDecimal totalAmount) {
    public static final BigDecimal MINIMUM_ORDER_VALUE = Money.rupees("100");
    static final BigDecimal HALF_GST = new BigDecimal("0.025");
    static final BigDecimal GST = new BigDecimal("0.05");
    static final BigDecimal FREE_DELIVERY_FROM = Money.rupees("500");
    static final BigDecimal REDUCED_DELIVERY_FROM = Money.rupees("300");
    static final BigDecimal FULL_DELIVERY = Money.rupees("40");
    static final BigDecimal REDUCED_DELIVERY = Money.rupees("20");
    static final BigDecimal PER_EXTRA_VENDOR = Money.rupees("10");
    static final BigDecimal FIRST_ORDER_RATE = new BigDecimal("0.10");
    static final BigDecimal FIRST_ORDER_CAP = Money.rupees("50");
    static final BigDecimal RUPEES_PER_POINT = Money.rupees("100");

    /**
     * Prices the lines.
     *
     * @param firstOrder      whether the customer has never ordered before
     * @param pointsAvailable loyalty points the customer asked to spend (0 when not asked)
     */
    public static Pricing of(List<OrderLine> lines, boolean firstOrder, int pointsAvailable) {
        BigDecimal subtotal = lines.stream().map(OrderLine::totalPrice).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal tax = subtotal.multiply(GST).setScale(2, RoundingMode.HALF_UP);
        BigDecimal cgst = subtotal.multiply(HALF_GST).setScale(2, RoundingMode.HALF_UP);
        BigDecimal sgst = tax.subtract(cgst);
        BigDecimal base = subtotal.compareTo(FREE_DELIVERY_FROM) >= 0 ? Money.ZERO
                : subtotal.compareTo(REDUCED_DELIVERY_FROM) >= 0 ? REDUCED_DELIVERY : FULL_DELIVERY;
        long vendors = lines.stream().map(OrderLine::vendorId).distinct().count();
        BigDecimal surcharge = PER_EXTRA_VENDOR.multiply(BigDecimal.valueOf(Math.max(0, vendors - 1)));
        BigDecimal firstOrderDiscount = firstOrder
                ? subtotal.multiply(FIRST_ORDER_RATE).setScale(2, RoundingMode.HALF_UP).min(FIRST_ORDER_CAP) : Money.ZERO;
        int points = Math.max(0, Math.min(pointsAvailable,
                subtotal.subtract(firstOrderDiscount).setScale(0, RoundingMode.DOWN).intValueExact()));
        BigDecimal discount = firstOrderDiscount.add(BigDecimal.valueOf(points)).min(subtotal).setScale(2);
        BigDecimal delivery = base.add(surcharge);
        BigDecimal total = subtotal.add(tax).add(delivery).subtract(discount);
        return new Pricing(subtotal, cgst, sgst, tax, base, surcharge, delivery, firstOrderDiscount, points, discount, total);
    }

    /** Loyalty points the customer earns once the order is delivered: one for every full ₹100 paid. */
    public int pointsEarned() {
        return totalAmount.divide(RUPEES_PER_POINT, 0, RoundingMode.DOWN).max(BigDecimal.ZERO).intValueExact();
    }

    public boolean belowMinimum() {
        return subtotal.compareTo(MINIMUM_ORDER_VALUE) < 0;
    }
}
