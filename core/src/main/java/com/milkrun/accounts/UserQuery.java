package com.milkrun.accounts;
import com.milkrun.access.Role;

import java.util.Optional;

/** Filters for the admin's user list: a role, and text matched against email and name (case-insensitive). */
public record UserQuery(Optional<Role> role, Optional<String> text) {
    public static UserQuery all() {
        return new UserQuery(Optional.empty(), Optional.empty());
    }
}
