package com.milkrun.http;

/**
 * Told about every request the router answered, once, after its answer is ready: how metrics see the API without
 * the router knowing any metrics library.
 */
@FunctionalInterface
public interface RequestObserver {
    /** Observes nothing. */
    RequestObserver NONE = (action, method, status, durationNanos) -> { };

    /**
     * @param action        the matched route's action name (e.g. {@code CreateOrder}), or {@code Unmatched} when no
     *                      route took the request (unknown path, wrong method, preflight): never the raw path
     * @param method        the request's method as sent, upper case
     * @param status        the answer's status
     * @param durationNanos from the router receiving the request to its answer being ready
     */
    void requestHandled(String action, String method, int status, long durationNanos);
}
