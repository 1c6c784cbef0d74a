package com.milkrun.http.admin;

import com.milkrun.accounts.User;
import com.milkrun.http.accounts.AccountViews;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes only the back office sees. */
public final class AdminViews {
    private AdminViews() {
    }

    public static Map<String, Object> adminUser(User u) {
        Map<String, Object> m = AccountViews.userBasics(u);
        m.put("disabled", u.disabled());
        m.put("isProfileComplete", u.isProfileComplete());
        m.put("createdAt", u.createdAt().toString());
        return m;
    }
}
