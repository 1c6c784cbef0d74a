package com.milkrun.orders;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What an order would cost, priced exactly as placing it would, without storing or reserving anything. */
public record Quote(List<OrderLine> lines, Pricing pricing, LocalDate deliveryDate, OffsetDateTime estimatedDelivery) {
}
