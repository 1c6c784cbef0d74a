package com.milkrun.accounts;

import java.time.Instant;
import java.util.Objects;

/** A token-signing key pair as the token adapter serialises it (a private JWK), named by its key id. */
public record SigningKey(String keyId, String privateKey, Instant createdAt) {
    public SigningKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Names the key without printing its private part. */
    @Override
    public String toString() {
        return "SigningKey[keyId=" + keyId + ", createdAt=" + createdAt + "]";
    }
}
