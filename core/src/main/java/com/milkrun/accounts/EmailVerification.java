package com.milkrun.accounts;

/** The code a new user got by email, sent back to confirm the address. Any field may be null. */
public record EmailVerification(String email, String code) {
}
