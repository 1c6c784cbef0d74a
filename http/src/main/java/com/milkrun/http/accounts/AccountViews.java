package com.milkrun.http.accounts;

import com.milkrun.accounts.Address;
import com.milkrun.accounts.AuthTokens;
import com.milkrun.accounts.User;
import com.milkrun.catalog.Vendor;
import com.milkrun.http.JsonViews;
import com.milkrun.orders.DeliveryAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of accounts: the caller's profile, address book and tokens. */
public final class AccountViews {
    private AccountViews() {
    }

    public static Map<String, Object> me(User u, Optional<Vendor> vendor, com.milkrun.orders.CustomerStats stats) {
        Map<String, Object> m = userBasics(u);
        m.put("isProfileComplete", u.isProfileComplete());
        m.put("missingFields", u.missingProfileFields());
        m.put("addresses", u.addresses().stream().map(AccountViews::address).toList());
        vendor.ifPresent(v -> m.put("vendorId", v.vendorId()));
        m.put("orderCount", stats.orderCount());
        m.put("loyaltyPoints", stats.loyaltyPoints());
        m.put("createdAt", u.createdAt().toString());
        return m;
    }

    /** What every view of a user shows. */
    public static Map<String, Object> userBasics(User u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userId", u.userId());
        m.put("email", u.email());
        m.put("name", u.name());
        m.put("phone", u.phone());
        m.put("role", u.role().wireName());
        m.put("emailVerified", u.emailVerified());
        return m;
    }

    /** An address-book entry: the fields an order's delivery address copies, and whether it is the default. */
    public static Map<String, Object> address(Address a) {
        Map<String, Object> m = JsonViews.deliveryAddress(DeliveryAddress.of(a));
        m.put("isDefault", a.isDefault());
        return m;
    }

    public static Map<String, Object> tokens(AuthTokens t, boolean withUser) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accessToken", t.accessToken());
        m.put("idToken", t.idToken());
        m.put("refreshToken", t.refreshToken());
        m.put("expiresIn", t.expiresIn());
        m.put("tokenType", "Bearer");
        if (withUser) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("userId", t.user().userId());
            user.put("email", t.user().email());
            user.put("name", t.user().name());
            user.put("role", t.user().role().wireName());
            m.put("user", user);
        }
        return m;
    }
}
