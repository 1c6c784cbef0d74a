package com.milkrun.store.memory;

import com.milkrun.accounts.SigningKey;
import com.milkrun.accounts.SigningKeyStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The one signing key of this process; the first key offered wins. */
public final class InMemorySigningKeyStore implements SigningKeyStore {
    private final AtomicReference<SigningKey> key = new AtomicReference<>();

    @Override
    public Optional<SigningKey> current() {
        return Optional.ofNullable(key.get());
    }

    @Override
    public SigningKey saveIfAbsent(SigningKey candidate) {
        return key.compareAndSet(null, candidate) ? candidate : key.get();
    }
}
