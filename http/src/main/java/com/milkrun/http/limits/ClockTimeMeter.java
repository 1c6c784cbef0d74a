package com.milkrun.http.limits;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;

/** Bucket4j's notion of time taken from the process clock, so that tests can move time forward. */
final class ClockTimeMeter implements TimeMeter {
    private final Clock clock;

    ClockTimeMeter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeNanos() {
        return Math.multiplyExact(clock.millis(), 1_000_000L);
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
