package com.milkrun.backoffice;

import com.milkrun.access.Access;
import com.milkrun.access.Capability;
import com.milkrun.access.Principal;
import com.milkrun.access.Role;
import com.milkrun.accounts.IdentityProvider;
import com.milkrun.accounts.User;
import com.milkrun.accounts.UserQuery;
import com.milkrun.accounts.UserStore;
import com.milkrun.catalog.VendorStore;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.Notifications;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.shared.Retry;
import com.milkrun.shared.ValidationException;
import java.time.Clock;

/** The admin's user administration: listing users, changing their role, disabling and enabling them. */
public final class UserAdministration {
    private final UserStore users;
    private final IdentityProvider identity;
    private final VendorStatuses vendorStatuses;
    private final Notifications notifications;
    private final Clock clock;

    public UserAdministration(UserStore users, VendorStore vendors, IdentityProvider identity, Notifications notifications,
                              Clock clock) {
        this.users = users;
        this.identity = identity;
        this.vendorStatuses = new VendorStatuses(vendors, users, notifications, clock);
        this.notifications = notifications;
        this.clock = clock;
    }

    public Page<User> listUsers(Principal caller, UserQuery query, PageRequest page) {
        Access.require(caller, Capability.ADMINISTER_USERS);
        return users.list(query, page);
    }

    /**
     * Gives a user another role and tells them. A vendor owner moved to any other role no longer sells: their vendor
     * is disabled first (taken out of the shop), and giving them the Vendor role back leaves it disabled until an
     * admin approves it again.
     *
     * @throws ValidationException {@code INVALID_ROLE}
     * @throws DomainException 404 for an unknown user, 409 {@code CannotChangeOwnAccount}
     */
    public User changeRole(Principal caller, String userId, String roleName) {
        Access.require(caller, Capability.ADMINISTER_USERS);
        Role role = Role.fromWireName(roleName == null ? "" : roleName).orElseThrow(() -> ValidationException.of("role",
                "Role must be one of Customer, Vendor, Manager, Admin, DeliveryAgent", "INVALID_ROLE"));
        if (caller.userId().equals(userId)) {
            throw DomainException.conflict("CannotChangeOwnAccount", "Admins cannot change their own role");
        }
        User target = user(userId);
        if (role != Role.VENDOR) {
            vendorStatuses.disableOwnedBy(target);
        }
        User saved = Retry.onConflict(() -> users.update(user(userId).withRole(role, clock.instant())));
        identity.roleChanged(saved.userId(), role);
        notifications.send(saved.userId(), saved.email(), Notification.Kind.ACCOUNT, "Your MilkRun role has changed",
                "Hello " + saved.name() + ",\n\nAn administrator changed your role to " + role.wireName() + ".");
        return saved;
    }

    /**
     * Disables a user (signed out everywhere, refused at sign-in) or enables them again. Disabling a vendor owner
     * disables their vendor first; enabling them again leaves it disabled until an admin approves it again.
     *
     * @throws DomainException 404 for an unknown user, 409 {@code CannotChangeOwnAccount}
     */
    public User setDisabled(Principal caller, String userId, boolean disabled) {
        Access.require(caller, Capability.ADMINISTER_USERS);
        if (caller.userId().equals(userId)) {
            throw DomainException.conflict("CannotChangeOwnAccount", "Admins cannot disable or enable their own account");
        }
        User target = user(userId);
        if (disabled) {
            vendorStatuses.disableOwnedBy(target);
        }
        User saved = Retry.onConflict(() -> users.update(user(userId).withDisabled(disabled, clock.instant())));
        if (disabled) {
            identity.signOutEverywhere(userId);
        }
        return saved;
    }

    private User user(String userId) {
        return users.get(userId).orElseThrow(() -> DomainException.notFound("User not found"));
    }
}
