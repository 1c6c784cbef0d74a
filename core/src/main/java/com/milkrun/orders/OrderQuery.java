package com.milkrun.orders;

import java.time.LocalDate;
import java.util.Optional;

/** Filters of the back office's order list. */
public record OrderQuery(Optional<OrderStatus> status, Optional<LocalDate> deliveryDate, Optional<String> vendorId,
                         Optional<String> pincode) {
    public static OrderQuery all() {
        return new OrderQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
