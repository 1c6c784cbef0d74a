package com.milkrun.orders;

import java.time.Instant;
import java.time.LocalDate;

/** One line of an order as its vendor sees it: what to send, for which day, to which area. */
public record VendorOrderLine(String orderId, OrderStatus status, LocalDate deliveryDate, OrderLine line, String city,
                              String zipCode, Instant createdAt) {
}
