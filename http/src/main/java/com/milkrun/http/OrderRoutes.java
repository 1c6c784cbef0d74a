package com.milkrun.http;

import com.milkrun.access.Capability;
import com.milkrun.orders.Order;
import com.milkrun.orders.OrderDetails;
import com.milkrun.orders.OrderQuery;
import com.milkrun.orders.OrderRequest;
import com.milkrun.orders.OrderService;
import com.milkrun.orders.OrderStatus;
import com.milkrun.orders.PlacedOrder;
import com.milkrun.orders.VendorDecision;
import com.milkrun.shared.Ids;
import com.milkrun.shared.Validation;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Placing, reading and cancelling orders; the vendor's order lines; the back office's order list. */
final class OrderRoutes {
    private final OrderService orders;

    OrderRoutes(Services services) {
        this.orders = services.orders();
    }

    List<Route> routes() {
        return List.of(
                Route.secured("POST", "/orders/quote", "QuoteOrder", Capability.OWN_ACCOUNT, this::quote),
                Route.secured("POST", "/orders", "CreateOrder", Capability.OWN_ACCOUNT, this::place),
                Route.secured("GET", "/orders", "ListOrders", Capability.OWN_ACCOUNT, this::mine),
                Route.secured("GET", "/orders/{orderId}", "GetOrder", Capability.OWN_ACCOUNT, this::get),
                Route.secured("POST", "/orders/{orderId}/cancel", "CancelOrder", Capability.OWN_ACCOUNT, this::cancel),
                Route.secured("GET", "/vendor/orders", "ListVendorOrders", Capability.SELL, this::vendorLines),
                Route.secured("POST", "/vendor/orders/{orderId}/accept", "AcceptVendorOrder", Capability.SELL,
                        call -> decide(call, VendorDecision.Decision.ACCEPTED)),
                Route.secured("POST", "/vendor/orders/{orderId}/reject", "RejectVendorOrder", Capability.SELL,
                        call -> decide(call, VendorDecision.Decision.REJECTED)),
                Route.secured("GET", "/admin/orders", "ListAllOrders", Capability.READ_ALL_ORDERS, this::all));
    }

    private ApiResponse quote(Call call) {
        return Responses.ok(Views.quote(orders.quote(call.caller(), request(call.body()))));
    }

    private ApiResponse place(Call call) {
        OrderRequest request = request(call.body());
        String key = call.request().header("idempotency-key").orElse(null);
        PlacedOrder placed = orders.place(call.caller(), request, key);
        Map<String, Object> body = view(placed.order());
        body.put("message", "Order created successfully. You will receive confirmation shortly.");
        return Responses.json(placed.replayed() ? 200 : 201, body);
    }

    private ApiResponse mine(Call call) {
        return Responses.ok(Views.page(orders.mine(call.caller(), call.page()), o -> view(o)));
    }

    private ApiResponse get(Call call) {
        OrderDetails details = orders.details(call.caller(), call.path("orderId"));
        Map<String, Object> body = view(details.order());
        body.put("timeline", details.timeline().stream().map(Views::orderEvent).toList());
        Map<String, String> vendorNames = new java.util.HashMap<>();
        details.order().lines().forEach(l -> vendorNames.putIfAbsent(l.vendorId(), l.vendorName()));
        body.put("vendorDecisions", details.decisions().stream()
                .map(d -> Views.vendorDecision(d, vendorNames.getOrDefault(d.vendorId(), ""))).toList());
        body.put("failureReason", details.failureReason().orElse(null));
        return Responses.ok(body);
    }

    private ApiResponse decide(Call call, VendorDecision.Decision decision) {
        Object reason = null;
        if (decision == VendorDecision.Decision.REJECTED) {
            Body body = call.body();
            reason = body.string("reason");
            body.throwIfWrongTypes();
        }
        String orderId = call.path("orderId");
        OrderService.Decided made = orders.decide(call.caller(), orderId, decision, reason);
        Map<String, Object> body = Views.vendorDecision(made.decision(), null);
        body.remove("vendorName");
        body.put("orderStatus", made.orderStatus().wireName());
        return Responses.ok(body);
    }

    private ApiResponse cancel(Call call) {
        return Responses.ok(view(orders.cancel(call.caller(), call.path("orderId"))));
    }

    private ApiResponse vendorLines(Call call) {
        Validation check = new Validation();
        Optional<LocalDate> date = date(call.queryOrNull("deliveryDate"), check);
        Optional<OrderStatus> status = status(call.queryOrNull("status"), check);
        check.throwIfInvalid();
        return Responses.ok(Views.page(orders.vendorLines(call.caller(), date, status, call.page()), Views::vendorOrderLine));
    }

    private ApiResponse all(Call call) {
        Validation check = new Validation();
        Optional<LocalDate> date = date(call.queryOrNull("deliveryDate"), check);
        Optional<OrderStatus> status = status(call.queryOrNull("status"), check);
        Optional<String> vendorId = Optional.ofNullable(call.queryOrNull("vendorId")).filter(v -> !v.isBlank());
        if (vendorId.isPresent() && !Ids.VENDOR_ID.matcher(vendorId.get()).matches()) {
            check.add("vendorId", "Invalid vendor ID format", "INVALID_VENDOR_ID");
        }
        Optional<String> pincode = Optional.ofNullable(call.queryOrNull("pincode")).filter(p -> !p.isBlank());
        pincode.ifPresent(p -> check.pincode("pincode", p));
        check.throwIfInvalid();
        return Responses.ok(Views.page(orders.all(call.caller(), new OrderQuery(status, date, vendorId, pincode), call.page()),
                o -> view(o)));
    }

    private Map<String, Object> view(Order order) {
        return Views.order(order, orders.window(), orders.canCancel(order));
    }

    private static OrderRequest request(Body body) {
        OrderRequest request = new OrderRequest(body.raw("items"), body.raw("deliveryDate"), body.raw("addressId"),
                body.raw("paymentMethod"), body.raw("redeemPoints"));
        body.throwIfWrongTypes();
        return request;
    }

    private static Optional<LocalDate> date(String raw, Validation check) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(raw.strip()));
        } catch (DateTimeException e) {
            check.add("deliveryDate", "Invalid date format. Use YYYY-MM-DD", "INVALID_DATE_FORMAT");
            return Optional.empty();
        }
    }

    private static Optional<OrderStatus> status(String raw, Validation check) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        Optional<OrderStatus> status = OrderStatus.fromWireName(raw.strip());
        if (status.isEmpty()) {
            check.add("status", "Status must be one of PaymentPending, Pending, Confirmed, Processing, OutForDelivery, "
                    + "Delivered, Cancelled, Failed", "INVALID_STATUS");
        }
        return status;
    }

}
