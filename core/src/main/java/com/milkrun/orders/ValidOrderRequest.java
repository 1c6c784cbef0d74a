package com.milkrun.orders;

import java.time.LocalDate;
import java.util.List;

/** An order request that passed every field rule. */
public record ValidOrderRequest(List<Item> items, LocalDate deliveryDate, String addressId, PaymentMethod paymentMethod,
                                boolean redeemPoints) {
    public ValidOrderRequest {
        items = List.copyOf(items);
    }

    /** One requested line. */
    public record Item(String productId, String vendorId, int quantity) {
    }
}
