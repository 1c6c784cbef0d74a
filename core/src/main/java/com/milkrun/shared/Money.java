package com.milkrun.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rupee amounts: exact decimals with two places, rounded half-up. Never {@code double}. */
public final class Money {
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    public static BigDecimal rupees(String amount) {
        return of(new BigDecimal(amount));
    }

    public static BigDecimal of(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
