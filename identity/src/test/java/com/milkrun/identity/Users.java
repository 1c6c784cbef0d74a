package com.milkrun.identity;

import com.milkrun.access.Role;
import com.milkrun.accounts.User;
import java.time.Instant;
import java.util.List;

/** People who buy and sell milk, for token tests. */
final class Users {
    static final Instant REGISTERED_AT = Instant.parse("2025-05-01T05:00:00Z");

    /** A verified customer in Vadodara with a phone number. */
    static final User ASHA_CUSTOMER = new User("9f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "asha@example.in", "Asha Patel",
            "+919876543210", Role.CUSTOMER, true, false, List.of(), REGISTERED_AT, REGISTERED_AT, 3);

    /** A dairy vendor who has not given a phone number nor verified the email yet. */
    static final User RAVI_DAIRY_VENDOR = new User("3b7e8d21-0a4c-4f5e-9d6b-7c8a9e0f1b2c", "ravi@amuldairy.example",
            "Ravi Shah", "", Role.VENDOR, false, false, List.of(), REGISTERED_AT, REGISTERED_AT, 1);

    private Users() {
    }
}
