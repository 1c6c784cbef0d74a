package com.milkrun.access;

import java.util.Objects;

/** The signed-in caller of a request, as loaded from the user store (so role changes and disabling apply at once). */
public record Principal(String userId, String email, String name, Role role) {
    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    public boolean is(Role other) {
        return role == other;
    }
}
