package com.milkrun.testing;

import java.time.Duration;
import java.time.Instant;

/**
 * Fixed moments for tests. They carry microseconds (never nanoseconds) so that a SQL round trip must keep them
 * exactly, as PostgreSQL and H2 store timestamps to the microsecond.
 */
public final class Times {
    /** 06:00:00.123456 IST on 15 January 2025, when the first milk run of the day leaves Anand. */
    public static final Instant MORNING_RUN = Instant.parse("2025-01-15T00:30:00.123456Z");

    private Times() {
    }

    /** {@link #MORNING_RUN} plus some minutes. */
    public static Instant minutesAfterMorningRun(long minutes) {
        return MORNING_RUN.plus(Duration.ofMinutes(minutes));
    }
}
