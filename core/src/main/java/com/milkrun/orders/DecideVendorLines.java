package com.milkrun.orders;

import com.milkrun.access.Access;
import com.milkrun.access.Capability;
import com.milkrun.access.Principal;
import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorStatus;
import com.milkrun.catalog.VendorStore;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import com.milkrun.shared.FieldError;
import com.milkrun.shared.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A dairy accepts or rejects its lines of an order. Rejecting fails the whole order (through {@link FailOrder}): its
 * stock is released, its workflow stopped, the customer told why and the other dairies told not to send. Repeating a
 * rejection that was stored but not carried through (a crash in between) carries it through.
 */
public final class DecideVendorLines {
    public static final int MAX_REASON = 500;
    /** Statuses in which vendors may still accept or reject their lines. */
    private static final Set<OrderStatus> DECIDABLE = EnumSet.of(OrderStatus.PAYMENT_PENDING, OrderStatus.PENDING,
            OrderStatus.CONFIRMED, OrderStatus.PROCESSING);

    private final OrderStore orders;
    private final VendorStore vendors;
    private final FailOrder failing;
    private final OrderProcessing processing;
    private final Optional<OrderNotices> notices;
    private final Clock clock;

    public DecideVendorLines(OrderStore orders, VendorStore vendors, FailOrder failing, OrderProcessing processing,
                             Optional<OrderNotices> notices, Clock clock) {
        this.orders = orders;
        this.vendors = vendors;
        this.failing = failing;
        this.processing = processing;
        this.notices = notices;
        this.clock = clock;
    }

    /** What a dairy decides on its lines of one order; a rejection needs a reason. */
    public record Command(String orderId, VendorDecision.Decision decision, Optional<String> reason) {
        public Command {
            reason = reason == null ? Optional.empty() : reason;
        }
    }

    /** A vendor's decision and the order's status after it. */
    public record Decided(VendorDecision decision, OrderStatus orderStatus) {
    }

    /**
     * Stores the caller's dairy's decision and carries out a rejection.
     *
     * @throws DomainException 403 {@code VendorDisabled} for a dairy that is not approved (it may still read its
     *         orders but decides nothing), 404 when the order has no lines of the caller's dairy, 409 {@code AlreadyDecided},
     *         409 {@code CannotDecide} for an order that ended or is out for delivery, 400 {@code ValidationError}
     *         for a missing or too long reason
     */
    public Decided decide(Principal caller, Command command) {
        Access.require(caller, Capability.SELL);
        String orderId = command.orderId();
        VendorDecision.Decision decision = command.decision();
        Vendor vendor = vendors.findByOwner(caller.userId()).orElseThrow(OrderQueries::notFound);
        requireActive(vendor);
        Order order = orders.get(orderId).filter(o -> o.hasVendor(vendor.vendorId())).orElseThrow(OrderQueries::notFound);
        String reason = decision == VendorDecision.Decision.REJECTED ? rejectionReason(command.reason()) : "";
        Instant now = clock.instant();
        Optional<VendorDecision> earlier = orders.decisions(orderId).stream()
                .filter(d -> d.vendorId().equals(vendor.vendorId())).findFirst();
        if (earlier.isPresent()) {
            boolean unfinishedRejection = earlier.get().decision() == VendorDecision.Decision.REJECTED
                    && decision == VendorDecision.Decision.REJECTED && order.status().holdsStock();
            if (!unfinishedRejection) {
                throw DomainException.conflict("AlreadyDecided", vendor.name() + " already "
                        + earlier.get().decision().wireName().toLowerCase(Locale.ROOT) + " this order");
            }
            return new Decided(earlier.get(), carryOutRejection(vendor, order, earlier.get()).status());
        }
        if (!DECIDABLE.contains(order.status())) {
            throw DomainException.conflict("CannotDecide", "An order that is " + order.status().wireName() + " can no longer be "
                    + (decision == VendorDecision.Decision.ACCEPTED ? "accepted" : "rejected"));
        }
        VendorDecision made = new VendorDecision(orderId, vendor.vendorId(), decision, reason, caller.userId(), now);
        if (!orders.decide(made)) {
            throw DomainException.conflict("AlreadyDecided", vendor.name() + " already decided on this order");
        }
        if (decision == VendorDecision.Decision.ACCEPTED) {
            orders.addEvent(OrderEvent.of(orderId, "VendorAccepted", order.status(), "vendor", vendor.name(), "", now));
            return new Decided(made, order.status());
        }
        return new Decided(made, carryOutRejection(vendor, order, made).status());
    }

    /**
     * Only an approved dairy decides: a disabled one rejecting would fail customers' orders on its way out, and one
     * that is not approved yet has nothing to decide on.
     */
    private static void requireActive(Vendor vendor) {
        if (vendor.isApproved()) {
            return;
        }
        throw new DomainException(Failure.FORBIDDEN, "VendorDisabled", vendor.status() == VendorStatus.DISABLED
                ? "This vendor has been disabled by an administrator" : "This vendor is not approved yet");
    }

    private Order carryOutRejection(Vendor vendor, Order placed, VendorDecision rejection) {
        String reason = vendor.name() + " could not fulfil the order: " + rejection.reason();
        Order failed = failing.fail(placed.orderId(), "VendorRejected", "vendor", vendor.name(), reason)
                .orElseThrow(OrderQueries::notFound);
        processing.stop(failed.orderId(), "VendorRejected", reason);
        if (failed.status() == OrderStatus.FAILED) {
            notices.ifPresent(n -> {
                n.failed(failed, reason);
                n.endedForVendors(failed, "Cancelled", reason, Optional.of(vendor.vendorId()));
            });
        }
        return failed;
    }

    private static String rejectionReason(Optional<String> given) {
        String text = given.map(String::strip).orElse("");
        if (text.isEmpty()) {
            throw new ValidationException(List.of(new FieldError("reason", "Please say why you reject the order", "REQUIRED")));
        }
        if (text.length() > MAX_REASON) {
            throw new ValidationException(List.of(new FieldError("reason", "Reason must be at most " + MAX_REASON + " characters",
                    "TOO_LONG")));
        }
        return text;
    }
}
