package com.milkrun.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * Everything a role may do, in one table (ADR 6 gives the reasons). Routes name the capability they need; the edge
 * checks it once through {@link Access}. Ownership (your own orders, your own products) is checked by the use
 * cases, which answer "not found" for other people's things.
 */
public enum Capability {
    /** Own profile, addresses and inbox. */
    OWN_ACCOUNT(EnumSet.allOf(Role.class)),
    /** Create and edit one's own vendor profile, products, prices and stock; see the order lines for them. */
    SELL(EnumSet.of(Role.VENDOR)),
    /** Read every order, whoever placed it. */
    READ_ALL_ORDERS(EnumSet.of(Role.MANAGER, Role.ADMIN)),
    /** Read every vendor and product, listed or not, with stock. */
    READ_CATALOG_BACKOFFICE(EnumSet.of(Role.MANAGER, Role.ADMIN)),
    /** List users, change roles, disable and enable accounts. */
    ADMINISTER_USERS(EnumSet.of(Role.ADMIN)),
    /** Approve and disable vendors. */
    ADMINISTER_VENDORS(EnumSet.of(Role.ADMIN)),
    /** See the order workflow's runs and the email outbox; retry failed runs and dead emails. */
    OPERATE_PLATFORM(EnumSet.of(Role.ADMIN));

    private final Set<Role> roles;

    Capability(Set<Role> roles) {
        this.roles = Set.copyOf(roles);
    }

    public boolean allows(Role role) {
        return roles.contains(role);
    }

    public Set<Role> roles() {
        return roles;
    }
}
