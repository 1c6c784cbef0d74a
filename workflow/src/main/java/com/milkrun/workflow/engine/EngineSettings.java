package com.milkrun.workflow.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * How a {@link WorkflowEngine} runs: under which owner name it claims runs, how many runs it works on at once, how
 * often it looks for due runs, how long its claims hold (renewed every third of that while it works on a run), and
 * how many due runs it fetches at a time.
 */
public record EngineSettings(String owner, int workers, Duration pollInterval, Duration lease, int batch) {
    public EngineSettings {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(lease, "lease");
        if (owner.isBlank()) {
            throw new IllegalArgumentException("owner must not be blank");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
        if (lease.compareTo(Duration.ofMillis(30)) < 0) {
            throw new IllegalArgumentException("lease must be at least 30 ms");
        }
    }

    /** A random owner, 4 workers, a poll every 500 ms, 15 s leases, batches of 50. */
    public static EngineSettings defaults() {
        return new EngineSettings("engine-" + UUID.randomUUID(), 4, Duration.ofMillis(500), Duration.ofSeconds(15), 50);
    }

    public EngineSettings withOwner(String newOwner) {
        return new EngineSettings(newOwner, workers, pollInterval, lease, batch);
    }

    public EngineSettings withWorkers(int newWorkers) {
        return new EngineSettings(owner, newWorkers, pollInterval, lease, batch);
    }

    public EngineSettings withPollInterval(Duration newPollInterval) {
        return new EngineSettings(owner, workers, newPollInterval, lease, batch);
    }

    public EngineSettings withLease(Duration newLease) {
        return new EngineSettings(owner, workers, pollInterval, newLease, batch);
    }

    public EngineSettings withBatch(int newBatch) {
        return new EngineSettings(owner, workers, pollInterval, lease, newBatch);
    }
}
