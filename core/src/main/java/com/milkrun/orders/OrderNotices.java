package com.milkrun.orders;

import com.milkrun.accounts.User;
import com.milkrun.accounts.UserStore;
import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorStore;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.Notifications;
import com.milkrun.shared.Ids;
import java.math.BigDecimal;
import java.util.ArrayList;
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

    public OrderNotices(Notifications notifications, UserStore users, VendorStore vendors) {
        this.notifications = notifications;
        this.users = users;
        this.vendors = vendors;
    }

    /**
     * Tells every vendor of the order about its lines.
     *
     * @return the vendors told, in the order's line order, and whether anyone was told just now
     * @throws IllegalStateException when a vendor has no account to tell
     */
    public Told newOrder(Order order) {
        List<String> told = new ArrayList<>();
        boolean sentNow = false;
        for (Map.Entry<String, List<OrderLine>> entry : linesByVendor(order).entrySet()) {
            Recipient owner = vendorOwner(entry.getKey());
            StringBuilder body = new StringBuilder();
            body.append("New order ").append(order.orderId()).append(" for delivery on ").append(order.deliveryDate())
                    .append(" to ").append(order.deliveryAddress().city()).append(' ').append(order.deliveryAddress().zipCode())
                    .append(".\n\nYour lines:\n");
            appendLines(body, entry.getValue());
            body.append("\nPlease accept or reject these lines in the vendor portal (Orders).");
            sentNow |= notifications.sendOnce(Ids.derived("note", order.orderId(), "new-order", entry.getKey()), owner.userId(),
                    owner.email(), Notification.Kind.ORDER, "New order for " + order.deliveryDate() + ": " + owner.vendorName(),
                    body.toString());
            told.add(entry.getKey());
        }
        return new Told(told, sentNow);
    }

    /** Tells the customer the order is confirmed. */
    public boolean confirmed(Order order) {
        StringBuilder body = new StringBuilder("Your order ").append(order.orderId()).append(" is confirmed for delivery on ")
                .append(order.deliveryDate()).append(" by 8:00 AM.\n\n");
        appendLines(body, order.lines());
        body.append("\nTotal: ₹").append(rupees(order.pricing().totalAmount())).append(" (").append(order.paymentMethod().wireName())
                .append(")");
        return toCustomer(order, "Confirmed", "Order confirmed", body.toString());
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
        User customer = users.get(order.userId())
                .orElseThrow(() -> new IllegalStateException("customer " + order.userId() + " of order " + order.orderId() + " is gone"));
        return notifications.sendOnce(Ids.derived("note", order.orderId(), "customer", occasion), customer.userId(), customer.email(),
                Notification.Kind.ORDER, subject + ": " + order.orderId(), body);
    }

    private Recipient vendorOwner(String vendorId) {
        Vendor vendor = vendors.get(vendorId).orElseThrow(() -> new IllegalStateException("vendor " + vendorId + " is gone"));
        User owner = users.get(vendor.ownerUserId())
                .orElseThrow(() -> new IllegalStateException("vendor " + vendorId + " has no account to notify"));
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

    private record Recipient(String userId, String email, String vendorName) {
    }
}
