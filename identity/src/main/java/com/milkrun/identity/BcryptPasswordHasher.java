package com.milkrun.identity;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;
import com.milkrun.accounts.PasswordHasher;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * bcrypt ({@code $2a$}) password hashes with a configurable cost.
 *
 * <p>bcrypt reads at most 72 bytes of a password, and the policy allows 128 characters (up to 512 UTF-8 bytes). Rather
 * than silently ignoring the tail, a password longer than bcrypt's limit is first reduced to its SHA-512 digest (the
 * library's {@code hashSha512} strategy), so every byte counts. Hashing and verifying must use the same strategy.
 */
public final class BcryptPasswordHasher implements PasswordHasher {
    /** The production cost: about 2<sup>10</sup> rounds, tens of milliseconds per hash on a server. */
    public static final int DEFAULT_COST = 10;

    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(VERSION);

    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, new SecureRandom(), LONG_PASSWORDS);
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(VERSION, LONG_PASSWORDS);

    public BcryptPasswordHasher() {
        this(DEFAULT_COST);
    }

    /** @param cost log2 of the number of rounds, between 4 (tests only) and 31 */
    public BcryptPasswordHasher(int cost) {
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalArgumentException(
                    "bcrypt cost must be between " + BCrypt.MIN_COST + " and " + BCrypt.MAX_COST + ", was " + cost);
        }
        this.cost = cost;
    }

    @Override
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        return hasher.hashToString(cost, password.toCharArray());
    }

    /** False for a wrong password and for anything that is not a bcrypt hash; never throws. */
    @Override
    public boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        try {
            return verifyer.verify(password.toCharArray(), hash).verified;
        } catch (IllegalArgumentException e) {
            // A hash that parses but carries an impossible cost or salt length: as unusable as an unparsable one.
            return false;
        }
    }
}
