package com.milkrun.access;

import com.milkrun.shared.DomainException;

/** The single place where a caller's role is checked against what a route needs. */
public final class Access {
    private Access() {
    }

    /**
     * @throws DomainException {@code Forbidden} (the seed's 403 message) when the role lacks the capability
     */
    public static void require(Principal caller, Capability capability) {
        if (!capability.allows(caller.role())) {
            throw DomainException.forbidden();
        }
    }
}
