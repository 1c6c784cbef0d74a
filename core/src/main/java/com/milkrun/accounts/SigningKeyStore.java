package com.milkrun.accounts;

import java.util.Optional;

/**
 * Where a generated signing key is kept when none is configured, so that every server process sharing the database
 * signs and verifies with the same key.
 */
public interface SigningKeyStore {
    /** The oldest stored key, which is the one in use. */
    Optional<SigningKey> current();

    /**
     * Stores {@code key} unless a key is already stored; when two processes race, exactly one key wins.
     *
     * @return the key in use after the call (the given one or the one that was there first)
     */
    SigningKey saveIfAbsent(SigningKey key);
}
