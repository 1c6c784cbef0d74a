package com.milkrun.orders;

import com.milkrun.shared.Problem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/** The details of the expected outcomes of quoting and placing an order, one record per kind. */
public sealed interface OrderProblem extends Problem {
    /** Some lines cannot be reserved; every short line is listed, the first one is the headline. */
    record InsufficientStock(List<Shortage> shortages) implements OrderProblem {
        public InsufficientStock {
            shortages = List.copyOf(shortages);
            if (shortages.isEmpty()) {
                throw new IllegalArgumentException("at least one shortage");
            }
        }
    }

    /** The items are worth less than the minimum an order must reach. */
    record MinimumOrderValue(BigDecimal currentTotal, BigDecimal minimumRequired) implements OrderProblem {
        public MinimumOrderValue {
            Objects.requireNonNull(currentTotal, "currentTotal");
            Objects.requireNonNull(minimumRequired, "minimumRequired");
        }
    }

    /** The customer's profile lacks what a delivery needs. */
    record ProfileIncomplete(List<String> missingFields) implements OrderProblem {
        public ProfileIncomplete {
            missingFields = List.copyOf(missingFields);
        }
    }

    /** Lines whose product is not (or no longer) sold by that dairy; the first one is the headline. */
    record ProductNotFound(List<UnknownLine> lines) implements OrderProblem {
        public ProductNotFound {
            lines = List.copyOf(lines);
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("at least one line");
            }
        }
    }

    /** Lines whose dairy does not deliver to the order's zip code; the first one is the headline. */
    record NotDeliverable(String zipCode, List<UndeliverableLine> lines) implements OrderProblem {
        public NotDeliverable {
            Objects.requireNonNull(zipCode, "zipCode");
            lines = List.copyOf(lines);
            if (lines.isEmpty()) {
                throw new IllegalArgumentException("at least one line");
            }
        }
    }

    /** The customer already has as many open cash-on-delivery orders for the date as one may have. */
    record OrderLimitReached(int limit) implements OrderProblem {
    }

    /** The order would take the customer's units of one product for the date above the limit. */
    record ProductLimitReached(String productId, String vendorId, int limit, int alreadyOrdered) implements OrderProblem {
        public ProductLimitReached {
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(vendorId, "vendorId");
        }
    }

    /** A requested product that the named dairy does not sell. */
    record UnknownLine(String productId, String vendorId) {
    }

    /** A requested product whose dairy does not deliver to the address. */
    record UndeliverableLine(String productId, String vendorId, String vendorName) {
    }
}
