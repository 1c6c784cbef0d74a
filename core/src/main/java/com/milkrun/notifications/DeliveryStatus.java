package com.milkrun.notifications;

import java.util.Arrays;
import java.util.Optional;

/** Where an email delivery is: waiting for its (next) attempt, sent, or dead after its last retry. */
public enum DeliveryStatus {
    PENDING("Pending"), SENT("Sent"), DEAD("Dead");

    private final String wireName;

    DeliveryStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<DeliveryStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
