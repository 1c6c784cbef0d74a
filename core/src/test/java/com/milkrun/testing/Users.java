package com.milkrun.testing;

import com.milkrun.accounts.Address;
import com.milkrun.access.Role;
import com.milkrun.accounts.User;
import java.time.Instant;
import java.util.List;

/** Object Mother of users: Asha the customer in Vadodara, Ravi who runs Anand Dairy, Meera the admin. */
public final class Users {
    private Users() {
    }

    /** A verified customer with a home (default) and an office address, not yet stored (version 0). */
    public static User asha() {
        return new User("user-asha", "asha@example.com", "Asha Patel", "+919876543210", Role.CUSTOMER, true, false,
                List.of(ashaHome(), ashaOffice()), Times.MORNING_RUN, Times.minutesAfterMorningRun(5), 0);
    }

    /** A vendor, unverified, without addresses. */
    public static User ravi() {
        return new User("user-ravi", "ravi@anand-dairy.example", "Ravi Shah", "", Role.VENDOR, false, false,
                List.of(), Times.minutesAfterMorningRun(1), Times.minutesAfterMorningRun(1), 0);
    }

    /** A disabled admin. */
    public static User meera() {
        return new User("user-meera", "meera@milkrun.example", "Meera Iyer", "+919812345678", Role.ADMIN, true, true,
                List.of(), Times.minutesAfterMorningRun(2), Times.minutesAfterMorningRun(3), 0);
    }

    /** The n-th of many customers, for list tests: "Customer 07", customer07@example.com. */
    public static User customer(int n, Role role, Instant createdAt) {
        String number = String.format("%02d", n);
        return new User("user-customer-" + number, "customer" + number + "@example.com", "Customer " + number, "",
                role, false, false, List.of(), createdAt, createdAt, 0);
    }

    /** Asha's default delivery address in Sayajigunj. */
    public static Address ashaHome() {
        return new Address("addr-asha-home", "Home", "12 Sayajigunj", "Near Kirti Mandir", "Vadodara", "Gujarat",
                "390005", true);
    }

    /** Asha's office, where the afternoon buttermilk goes. */
    public static Address ashaOffice() {
        return new Address("addr-asha-office", "Office", "4th floor, Alkapuri Arcade", "", "Vadodara", "Gujarat",
                "390007", false);
    }
}
