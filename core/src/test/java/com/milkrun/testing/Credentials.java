package com.milkrun.testing;

import com.milkrun.accounts.Credential;
import com.milkrun.accounts.OneTimeCode;
import java.util.Optional;

/** Object Mother of local sign-in credentials and one-time codes. */
public final class Credentials {
    /** A bcrypt hash as the password hasher writes it; stores treat it as opaque text. */
    public static final String ASHA_PASSWORD_HASH = "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy";

    private Credentials() {
    }

    /** Asha's verified credential with two recent failed logins, not yet stored (version 0). */
    public static Credential ashas() {
        return new Credential("user-asha", "asha@example.com", ASHA_PASSWORD_HASH, true, 2, Optional.empty(), 0);
    }

    /** Ravi's unverified credential, locked for a while after too many wrong passwords. */
    public static Credential ravis() {
        return new Credential("user-ravi", "ravi@anand-dairy.example", "$2a$10$ravi-hash", false, 0,
                Optional.of(Times.minutesAfterMorningRun(15)), 0);
    }

    /** The code that verifies Asha's email. */
    public static OneTimeCode ashasVerificationCode() {
        return new OneTimeCode("user-asha", OneTimeCode.Purpose.VERIFY_EMAIL, "5f2b9c-verify-hash",
                Times.minutesAfterMorningRun(24 * 60), 5, Times.minutesAfterMorningRun(0), 1);
    }

    /** The code that resets Asha's password. */
    public static OneTimeCode ashasResetCode() {
        return new OneTimeCode("user-asha", OneTimeCode.Purpose.RESET_PASSWORD, "a41c07-reset-hash",
                Times.minutesAfterMorningRun(60), 5, Times.minutesAfterMorningRun(0), 2);
    }
}
