package com.milkrun.app;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the AWS SDK clients made, by the thread that made them: the SDK makes one of each global interceptor (listed
 * in {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the classpath) for every client it
 * builds. It intercepts nothing.
 */
public final class AwsClientsMade implements ExecutionInterceptor {
    private static final ConcurrentHashMap<Thread, AtomicInteger> MADE = new ConcurrentHashMap<>();

    public AwsClientsMade() {
        MADE.computeIfAbsent(Thread.currentThread(), thread -> new AtomicInteger()).incrementAndGet();
    }

    /** The clients made by the calling thread so far. */
    static int byThisThread() {
        AtomicInteger made = MADE.get(Thread.currentThread());
        return made == null ? 0 : made.get();
    }
}
