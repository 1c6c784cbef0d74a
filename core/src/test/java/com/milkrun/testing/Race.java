package com.milkrun.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Runs the same task on many threads released together by a start latch, for tests that really race. */
public final class Race {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Race() {
    }

    /** What one racer got: its value, or the exception it threw. */
    public record Outcome<T>(T value, RuntimeException failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    /**
     * Starts {@code racers} threads, lets them all run {@code task} (given the racer's number) at once and waits for
     * every one of them, failing the test if one has not finished within thirty seconds.
     */
    public static <T> List<Outcome<T>> run(int racers, IntFunction<T> task) {
        CountDownLatch ready = new CountDownLatch(racers);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                int racer = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    start.await();
                    try {
                        return new Outcome<T>(task.apply(racer), null);
                    } catch (RuntimeException e) {
                        return new Outcome<T>(null, e);
                    }
                }));
            }
            if (!ready.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("racers did not get ready within " + DEADLINE);
            }
            start.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> future : futures) {
                outcomes.add(future.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS));
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while racing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("a racer did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
