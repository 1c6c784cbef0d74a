package com.milkrun.http.orders;

import com.milkrun.access.Capability;
import com.milkrun.http.ApiResponse;
import com.milkrun.http.Body;
import com.milkrun.http.Call;
import com.milkrun.http.JsonViews;
import com.milkrun.http.RequestBody;
import com.milkrun.http.Responses;
import com.milkrun.http.Route;
import com.milkrun.orders.CancelOrder;
import com.milkrun.orders.DecideVendorLines;
import com.milkrun.orders.Order;
import com.milkrun.orders.OrderDetails;
import com.milkrun.orders.OrderQueries;
import com.milkrun.orders.OrderQuery;
import com.milkrun.orders.OrderRequest;
import com.milkrun.orders.OrderStatus;
import com.milkrun.orders.OrderUseCases;
import com.milkrun.orders.PlaceOrder;
import com.milkrun.orders.PlacedOrder;
import com.milkrun.orders.VendorDecision;
import com.milkrun.shared.Ids;
import com.milkrun.shared.Validation;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Placing, reading and cancelling orders; the vendor's order lines; the back office's order list. */
public final class OrderRoutes {
    private final PlaceOrder placing;
    private final CancelOrder cancelling;
    private final DecideVendorLines deciding;
    private final OrderQueries queries;

    public OrderRoutes(OrderUseCases orders) {
        this.placing = orders.placing();
        this.cancelling = orders.cancelling();
        this.deciding = orders.deciding();
        this.queries = orders.queries();
    }

    public List<Route> routes() {
        return List.of(
                Route.secured("POST", "/orders/quote", "QuoteOrder", Capability.OWN_ACCOUNT, this::quote)
                        .readingAhead(this::readAhead),
                Route.secured("POST", "/orders", "CreateOrder", Capability.OWN_ACCOUNT, this::place)
                        .readingAhead(this::readAhead),
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

    /**
     * Quoting and placing read the customer's account with the catalog and the stats: read ahead, the token check
     * finds the account among them and the request reads the database once before it writes.
     */
    private void readAhead(RequestBody body, String userId) {
        OrderRequest order;
        try {
            order = OrderRequests.order(body.json());
        } catch (RuntimeException unreadable) {
            return; // the handler refuses it with its own answer
        }
        placing.readAhead(userId, order);
    }

    private ApiResponse quote(Call call) {
        return Responses.ok(OrderViews.quote(placing.quote(call.caller(), OrderRequests.order(call.body()))));
    }

    private ApiResponse place(Call call) {
        OrderRequest request = OrderRequests.order(call.body());
        String key = call.request().header("idempotency-key").orElse(null);
        PlacedOrder placed = placing.place(call.caller(), request, key);
        Map<String, Object> body = view(placed.order());
        body.put("message", "Order created successfully. You will receive confirmation shortly.");
        return Responses.json(placed.replayed() ? 200 : 201, body);
    }

    private ApiResponse mine(Call call) {
        return Responses.ok(JsonViews.page(queries.mine(call.caller(), call.page()), o -> view(o)));
    }

    private ApiResponse get(Call call) {
        OrderDetails details = queries.details(call.caller(), call.path("orderId"));
        Map<String, Object> body = view(details.order());
        body.put("timeline", details.timeline().stream().map(OrderViews::orderEvent).toList());
        Map<String, String> vendorNames = new HashMap<>();
        details.order().lines().forEach(l -> vendorNames.putIfAbsent(l.vendorId(), l.vendorName()));
        body.put("vendorDecisions", details.decisions().stream()
                .map(d -> OrderViews.vendorDecision(d, vendorNames.getOrDefault(d.vendorId(), ""))).toList());
        body.put("failureReason", details.failureReason().orElse(null));
        return Responses.ok(body);
    }

    private ApiResponse decide(Call call, VendorDecision.Decision decision) {
        Optional<String> reason = Optional.empty();
        if (decision == VendorDecision.Decision.REJECTED) {
            Body body = call.body();
            reason = Optional.ofNullable(body.string("reason"));
            body.throwIfWrongTypes();
        }
        DecideVendorLines.Decided made = deciding.decide(call.caller(),
                new DecideVendorLines.Command(call.path("orderId"), decision, reason));
        return Responses.ok(OrderViews.decided(made));
    }

    private ApiResponse cancel(Call call) {
        return Responses.ok(view(cancelling.cancel(call.caller(), call.path("orderId"))));
    }

    private ApiResponse vendorLines(Call call) {
        Validation check = new Validation();
        Optional<LocalDate> date = date(call.queryOrNull("deliveryDate"), check);
        Optional<OrderStatus> status = status(call.queryOrNull("status"), check);
        check.throwIfInvalid();
        return Responses.ok(JsonViews.page(queries.vendorLines(call.caller(), date, status, call.page()), OrderViews::vendorOrderLine));
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
        return Responses.ok(JsonViews.page(queries.all(call.caller(), new OrderQuery(status, date, vendorId, pincode), call.page()),
                o -> view(o)));
    }

    private Map<String, Object> view(Order order) {
        return OrderViews.order(order, queries.window(), queries.canCancel(order));
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
