package com.milkrun.orders;

import java.util.Arrays;
import java.util.Optional;

/** How the customer pays. Cash on delivery needs no payment step, so such orders start {@code Pending}. */
public enum PaymentMethod {
    CASH_ON_DELIVERY("CashOnDelivery");

    private final String wireName;

    PaymentMethod(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<PaymentMethod> fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
    }
}
