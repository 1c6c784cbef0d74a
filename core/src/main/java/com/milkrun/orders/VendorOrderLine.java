package com.milkrun.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One line of an order as its vendor sees it: what to send, for which day, to which area, and the vendor's decision
 * on its lines of that order, if made.
 */
public record VendorOrderLine(String orderId, OrderStatus status, LocalDate deliveryDate, OrderLine line, String city,
                              String zipCode, Instant createdAt, Optional<VendorDecision.Decision> decision) {
    public VendorOrderLine {
        decision = decision == null ? Optional.empty() : decision;
    }
}
