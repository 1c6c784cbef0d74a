package com.milkrun.shared;

import java.util.function.Supplier;

/** Re-runs a read-modify-write that lost an optimistic-locking race, a few times, before giving up with 409. */
public final class Retry {
    private static final int ATTEMPTS = 5;

    private Retry() {
    }

    public static <T> T onConflict(Supplier<T> readModifyWrite) {
        ConcurrentModification last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return readModifyWrite.get();
            } catch (ConcurrentModification e) {
                last = e;
            }
        }
        throw last;
    }
}
