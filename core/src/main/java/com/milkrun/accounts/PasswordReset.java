package com.milkrun.accounts;

/** A new password with the reset code that was emailed, before validation. Any field may be null. */
public record PasswordReset(String email, String code, String newPassword) {
}
