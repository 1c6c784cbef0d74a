package com.milkrun.notifications;

import java.util.Arrays;
import java.util.Optional;

/** Where an outbound email is: waiting for its (next) attempt, sent, or dead after its last retry. */
public enum EmailStatus {
    PENDING("Pending"), SENT("Sent"), DEAD("Dead");

    private final String wireName;

    EmailStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EmailStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
