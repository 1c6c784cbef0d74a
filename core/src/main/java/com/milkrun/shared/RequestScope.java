package com.milkrun.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The span of one API request on the thread that answers it, where a store may remember what it read so that the
 * request reads each record at most once (the signed-in user, read to check the token and again by the use case).
 * Outside a scope (workflow steps, the email outbox, start-up) nothing is remembered. Scopes do not nest: opening one
 * inside another joins it, and only the outer one forgets on close.
 */
public final class RequestScope implements AutoCloseable {
    private static final ThreadLocal<RequestScope> CURRENT = new ThreadLocal<>();

    private final Map<Object, Object> remembered = new HashMap<>();
    private final boolean outer;

    private RequestScope(boolean outer) {
        this.outer = outer;
    }

    /** Opens the scope of the request this thread is about to answer, or joins the one already open. */
    public static RequestScope open() {
        if (CURRENT.get() != null) {
            return new RequestScope(false);
        }
        RequestScope scope = new RequestScope(true);
        CURRENT.set(scope);
        return scope;
    }

    /** What the current request remembers, or empty outside a request. */
    public static Optional<Map<Object, Object>> memory() {
        RequestScope scope = CURRENT.get();
        return scope == null ? Optional.empty() : Optional.of(scope.remembered);
    }

    @Override
    public void close() {
        if (outer) {
            CURRENT.remove();
        }
    }
}
