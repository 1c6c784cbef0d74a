package com.milkrun.orders;

import java.util.List;
import java.util.Optional;

/** An order with its timeline and its vendors' decisions, as its page shows it. */
public record OrderDetails(Order order, List<OrderEvent> timeline, List<VendorDecision> decisions) {
    public OrderDetails {
        timeline = List.copyOf(timeline);
        decisions = List.copyOf(decisions);
    }

    /** Why a failed order failed: the note of the timeline entry that failed it. */
    public Optional<String> failureReason() {
        if (order.status() != OrderStatus.FAILED) {
            return Optional.empty();
        }
        return timeline.stream().filter(e -> e.status() == OrderStatus.FAILED && !e.note().isBlank())
                .map(OrderEvent::note).reduce((first, second) -> second);
    }
}
