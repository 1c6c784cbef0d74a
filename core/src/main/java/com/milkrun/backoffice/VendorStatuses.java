package com.milkrun.backoffice;

import com.milkrun.accounts.User;
import com.milkrun.accounts.UserStore;
import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorStatus;
import com.milkrun.catalog.VendorStore;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.Notifications;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Retry;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Changes a vendor's status for the back office and tells its owner; one place for vendor approval and disabling. */
final class VendorStatuses {
    private final VendorStore vendors;
    private final UserStore users;
    private final Notifications notifications;
    private final Clock clock;

    VendorStatuses(VendorStore vendors, UserStore users, Notifications notifications, Clock clock) {
        this.vendors = vendors;
        this.users = users;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** @throws DomainException 404 for an unknown vendor */
    Vendor change(String vendorId, VendorStatus status) {
        Vendor saved = Retry.onConflict(() -> {
            Vendor current = vendors.get(vendorId).orElseThrow(() -> DomainException.notFound("Vendor not found"));
            return current.status() == status ? current : vendors.update(current.withStatus(status, clock.instant()));
        });
        users.get(saved.ownerUserId()).ifPresent(owner -> tell(owner, saved, status));
        return saved;
    }

    /**
     * Disables the vendor {@code owner} owns, if any and not disabled yet: a vendor whose owner may no longer sell
     * (demoted or disabled) stops being listed and orderable. Enabling or promoting the owner again does not approve
     * it again; an admin does that.
     */
    Optional<Vendor> disableOwnedBy(User owner) {
        return vendors.findByOwner(owner.userId())
                .filter(v -> v.status() != VendorStatus.DISABLED)
                .map(v -> change(v.vendorId(), VendorStatus.DISABLED));
    }

    private void tell(User owner, Vendor vendor, VendorStatus status) {
        notifications.send(owner.userId(), owner.email(), Notification.Kind.VENDOR,
                "Your MilkRun vendor profile is " + status.wireName().toLowerCase(Locale.ROOT),
                status == VendorStatus.APPROVED
                        ? "Good news: " + vendor.name() + " is approved. Your active products are now listed in the shop."
                        : vendor.name() + " has been disabled by an administrator. Its products are no longer listed.");
    }
}
