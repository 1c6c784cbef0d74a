package com.milkrun.accounts;

/** A slow, salted password hash from a vetted library. */
public interface PasswordHasher {
    String hash(String password);

    boolean matches(String password, String hash);
}
