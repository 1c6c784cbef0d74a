package com.milkrun.accounts;

/** A sign-up form as a client sends it, before validation. Any field may be null. */
public record Registration(String email, String password, String name, String phone) {
}
