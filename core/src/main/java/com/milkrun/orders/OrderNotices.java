package com.milkrun.orders;

import com.milkrun.accounts.User;
import com.milkrun.accounts.UserStore;
import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorStore;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.Notifications;
import com.milkrun.notifications.OutboundEmail;
import com.milkrun.shared.Ids;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What customers and vendors are told about an order, each message at most once: a message's id is derived from the
 * order, the occasion and the recipient, so sending it again (a step run twice, a cancel retried) sends nothing.
 * Each vendor hears only about its own lines.
 */
public final class OrderNotices {
    private final Notifications notifications;
    private final UserStore users;
    private final VendorStore vendors;
    private final Clock clock;

    public OrderNotices(Notifications notifications, UserStore users, VendorStore vendors, Clock clock) {
        this.notifications = notifications;
        this.users = users;
        this.vendors = vendors;
        this.clock = clock;
    }

    /**
     * Tells every vendor of the order about its lines.
     *
     * @return the vendors told, in the order's line order, and whether anyone was told just now
     * @throws IllegalStateException when a vendor has no account to tell
     */
    public Told newOrder(Order order) {
        Map<String, Recipient> owners = new LinkedHashMap<>();
        for (String vendorId : linesByVendor(order).keySet()) {
            owners.put(vendorId, vendorOwner(vendorId));
        }
        boolean sentNow = false;
        for (Notification message : newOrderMessages(order, owners, clock.instant())) {
            sentNow |= notifications.sendOnce(message);
        }
        return new Told(List.copyOf(owners.keySet()), sentNow);
    }

    /**
     * The message to each vendor of the order about its lines, in the order's line order, not yet sent: what
     * {@link #newOrder} sends.
     *
     * @param owners who to tell of each vendor of the order
     */
    public List<Notification> newOrderMessages(Order order, Map<String, Recipient> owners, Instant at) {
        List<Notification> messages = new ArrayList<>();
        for (Map.Entry<String, List<OrderLine>> entry : linesByVendor(order).entrySet()) {
            Recipient owner = Optional.ofNullable(owners.get(entry.getKey()))
                    .orElseThrow(() -> new IllegalStateException("vendor " + entry.getKey() + " has no account to notify"));
            StringBuilder body = new StringBuilder();
            body.append("New order ").append(order.orderId()).append(" for delivery on ").append(order.deliveryDate())
                    .append(" to ").append(order.deliveryAddress().city()).append(' ').append(order.deliveryAddress().zipCode())
                    .append(".\n\nYour lines:\n");
            appendLines(body, entry.getValue());
            body.append("\nPlease accept or reject these lines in the vendor portal (Orders).");
            messages.add(new Notification(Ids.derived("note", order.orderId(), "new-order", entry.getKey()), owner.userId(),
                    owner.email(), Notification.Kind.ORDER, "New order for " + order.deliveryDate() + ": " + owner.name(),
                    body.toString(), at));
        }
        return messages;
    }

    /**
     * Who to tell of each of these vendors: its owner's account.
     *
     * @throws IllegalStateException when a vendor's owner has no account
     */
    public Map<String, Recipient> owners(Collection<Vendor> of) {
        Map<String, Recipient> owners = new LinkedHashMap<>();
        for (Vendor vendor : of) {
            owners.put(vendor.vendorId(), owner(vendor));
        }
        return owners;
    }

    /** The email copy of a message, when emails are sent at all. */
    public Optional<OutboundEmail> emailOf(Notification message) {
        return notifications.emailOf(message);
    }

    /** Emails stored with an order's first steps are committed: they go out as if sent here. */
    public void queued(List<OutboundEmail> emails) {
        notifications.queued(emails);
    }

    /** Tells the customer the order is confirmed. */
    public boolean confirmed(Order order) {
        return notifications.sendOnce(confirmedMessage(order, customer(order), clock.instant()));
    }

    /** The message {@link #confirmed} sends, not yet sent. */
    public Notification confirmedMessage(Order order, Recipient customer, Instant at) {
        StringBuilder body = new StringBuilder("Your order ").append(order.orderId()).append(" is confirmed for delivery on ")
                .append(order.deliveryDate()).append(" by 8:00 AM.\n\n");
        appendLines(body, order.lines());
        body.append("\nTotal: ₹").append(rupees(order.pricing().totalAmount())).append(" (").append(order.paymentMethod().wireName())
                .append(")");
        return toCustomer(order, customer, "Confirmed", "Order confirmed", body.toString(), at);
    }

    /** Tells the customer the order failed, and why. */
    public boolean failed(Order order, String reason) {
        String body = "We are sorry: your order " + order.orderId() + " for " + order.deliveryDate()
                + " could not be completed.\n\nReason: " + reason + "\n\nNothing will be charged and the items were released.";
        return toCustomer(order, "Failed", "Order could not be completed", body);
    }

    /** Tells the customer the order is cancelled. */
    public boolean cancelled(Order order) {
        String body = "Your order " + order.orderId() + " for " + order.deliveryDate() + " is cancelled. Nothing will be charged.";
        return toCustomer(order, "Cancelled", "Order cancelled", body);
    }

    /** Tells the order's vendors (except {@code exceptVendorId}) that the order ended and their lines need not go out. */
    public void endedForVendors(Order order, String how, String reason, Optional<String> exceptVendorId) {
        for (Map.Entry<String, List<OrderLine>> entry : linesByVendor(order).entrySet()) {
            if (exceptVendorId.filter(entry.getKey()::equals).isPresent()) {
                continue;
            }
            Recipient owner = vendorOwner(entry.getKey());
            StringBuilder body = new StringBuilder("Order ").append(order.orderId()).append(" for ").append(order.deliveryDate())
                    .append(" was ").append(how.toLowerCase(java.util.Locale.ROOT)).append(": do not send these lines.\n");
            if (!reason.isBlank()) {
                body.append("Reason: ").append(reason).append('\n');
            }
            body.append('\n');
            appendLines(body, entry.getValue());
            notifications.sendOnce(Ids.derived("note", order.orderId(), "ended", entry.getKey()), owner.userId(), owner.email(),
                    Notification.Kind.ORDER, "Order " + how.toLowerCase(java.util.Locale.ROOT) + ": " + order.orderId(), body.toString());
        }
    }

    private boolean toCustomer(Order order, String occasion, String subject, String body) {
        return notifications.sendOnce(toCustomer(order, customer(order), occasion, subject, body, clock.instant()));
    }

    private static Notification toCustomer(Order order, Recipient customer, String occasion, String subject, String body,
                                           Instant at) {
        return new Notification(Ids.derived("note", order.orderId(), "customer", occasion), customer.userId(),
                customer.email(), Notification.Kind.ORDER, subject + ": " + order.orderId(), body, at);
    }

    private Recipient customer(Order order) {
        User customer = users.get(order.userId())
                .orElseThrow(() -> new IllegalStateException("customer " + order.userId() + " of order " + order.orderId() + " is gone"));
        return Recipient.of(customer);
    }

    private Recipient vendorOwner(String vendorId) {
        return owner(vendors.get(vendorId).orElseThrow(() -> new IllegalStateException("vendor " + vendorId + " is gone")));
    }

    private Recipient owner(Vendor vendor) {
        User owner = users.get(vendor.ownerUserId())
                .orElseThrow(() -> new IllegalStateException("vendor " + vendor.vendorId() + " has no account to notify"));
        return new Recipient(owner.userId(), owner.email(), vendor.name());
    }

    private static Map<String, List<OrderLine>> linesByVendor(Order order) {
        Map<String, List<OrderLine>> byVendor = new LinkedHashMap<>();
        for (OrderLine line : order.lines()) {
            byVendor.computeIfAbsent(line.vendorId(), v -> new ArrayList<>()).add(line);
        }
        return byVendor;
    }

    private static void appendLines(StringBuilder body, List<OrderLine> lines) {
        for (OrderLine line : lines) {
            body.append("- ").append(line.productName());
            if (!line.unit().isBlank()) {
                body.append(" (").append(line.unit()).append(')');
            }
            body.append(" × ").append(line.quantity()).append(" = ₹").append(rupees(line.totalPrice())).append('\n');
        }
    }

    private static String rupees(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }

    /** The vendors an order's notice went to, and whether any of them was told just now (not on an earlier run). */
    public record Told(List<String> vendorIds, boolean sentNow) {
        public Told {
            vendorIds = List.copyOf(vendorIds);
        }
    }

    /** Who a new order's messages go to: its customer, and the owner of each of its vendors by vendor id. */
    public record Audience(Recipient customer, Map<String, Recipient> owners) {
        public Audience {
            java.util.Objects.requireNonNull(customer, "customer");
            owners = Map.copyOf(owners);
        }
    }

    /**
     * Who a message goes to: an account and its email address.
     *
     * @param name how the message addresses them (a vendor's owner: the vendor's name)
     */
    public record Recipient(String userId, String email, String name) {
        public static Recipient of(User user) {
            return new Recipient(user.userId(), user.email(), user.name());
        }
    }
}
