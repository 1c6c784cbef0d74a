package com.milkrun.shared;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A value made on first use, once, by whichever thread asks first; the others wait for it. Closing closes the value
 * if it was made (and it is {@link AutoCloseable}), and nothing is made after that. Used for costly clients that many
 * processes never call, such as a Lambda function's client of a service only some of its routes need: the cold start
 * does not pay for them.
 */
public final class Lazy<T> implements Supplier<T>, AutoCloseable {
    private final Supplier<? extends T> maker;
    private volatile T value;
    private boolean closed;

    private Lazy(Supplier<? extends T> maker) {
        this.maker = Objects.requireNonNull(maker, "maker");
    }

    public static <T> Lazy<T> of(Supplier<? extends T> maker) {
        return new Lazy<>(maker);
    }

    /**
     * The value, made now if this is the first call. A maker that throws makes nothing: the next call tries again.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    @Override
    public T get() {
        T made = value;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            if (value == null) {
                value = Objects.requireNonNull(maker.get(), "the maker made null");
            }
            return value;
        }
    }

    /** The value if it was made already; never makes it. */
    public Optional<T> ifMade() {
        return Optional.ofNullable(value);
    }

    /**
     * Closes the value if it was made; nothing is made after this.
     *
     * @throws IllegalStateException wrapping a checked exception the value's {@code close} threw
     */
    @Override
    public synchronized void close() {
        closed = true;
        T made = value;
        value = null;
        if (made instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("closing " + made + " failed", e);
            }
        }
    }

    @Override
    public String toString() {
        return value == null ? "Lazy[not made]" : "Lazy[" + value + "]";
    }
}
