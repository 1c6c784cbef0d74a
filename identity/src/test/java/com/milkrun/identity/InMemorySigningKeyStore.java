package com.milkrun.identity;

import com.milkrun.accounts.SigningKey;
import com.milkrun.accounts.SigningKeyStore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A signing key store held in memory; the first key saved wins, as the port requires of real stores. */
final class InMemorySigningKeyStore implements SigningKeyStore {
    private final AtomicReference<SigningKey> key = new AtomicReference<>();
    private final AtomicInteger saveAttempts = new AtomicInteger();

    @Override
    public Optional<SigningKey> current() {
        return Optional.ofNullable(key.get());
    }

    @Override
    public SigningKey saveIfAbsent(SigningKey candidate) {
        Objects.requireNonNull(candidate, "candidate");
        saveAttempts.incrementAndGet();
        return key.compareAndSet(null, candidate) ? candidate : key.get();
    }

    int saveAttempts() {
        return saveAttempts.get();
    }
}
