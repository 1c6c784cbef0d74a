package com.milkrun.accounts;

/** A sign-in with email and password, before validation. Any field may be null. */
public record Login(String email, String password) {
}
