package com.milkrun.orders;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** A vendor's answer to its lines of an order: accepted, or rejected with a reason. One per order and vendor. */
public record VendorDecision(String orderId, String vendorId, Decision decision, String reason, String decidedBy,
                             Instant at) {
    public enum Decision {
        ACCEPTED("Accepted"), REJECTED("Rejected");

        private final String wireName;

        Decision(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Optional<Decision> fromWireName(String name) {
            return Arrays.stream(values()).filter(d -> d.wireName.equals(name)).findFirst();
        }
    }

    public VendorDecision {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(vendorId, "vendorId");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(at, "at");
        reason = reason == null ? "" : reason;
    }
}
