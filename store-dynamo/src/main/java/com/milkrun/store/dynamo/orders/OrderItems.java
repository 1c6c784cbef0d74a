package com.milkrun.store.dynamo.orders;

import static com.milkrun.store.dynamo.Attr.n;
import static com.milkrun.store.dynamo.Attr.s;
import static com.milkrun.store.dynamo.Attr.time;

import com.milkrun.orders.CustomerStats;
import com.milkrun.orders.DeliveryAddress;
import com.milkrun.orders.IdempotencyRecord;
import com.milkrun.orders.Order;
import com.milkrun.orders.OrderEvent;
import com.milkrun.orders.OrderLine;
import com.milkrun.orders.OrderStatus;
import com.milkrun.orders.PaymentMethod;
import com.milkrun.orders.Pricing;
import com.milkrun.orders.VendorDecision;
import com.milkrun.orders.VendorOrderLine;
import com.milkrun.store.dynamo.Attr;
import com.milkrun.store.dynamo.Names;
import com.milkrun.store.dynamo.TableSpec;
import com.milkrun.store.dynamo.TableSpec.IndexSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Everything the order store keeps in the Orders table (partition {@code orderId}, sort {@code sk}):
 * <ul>
 *   <li>{@code sk = "order"}: the order header with its lines, pricing and address; {@code eventCount} (the
 *       timeline's last number), {@code whats} (the set of entries the timeline holds), {@code decisionCount},
 *       {@code vendorIds}; indexed by {@code userId-index} (the customer's orders, newest first) and
 *       {@code listing-index} (all orders, newest first) on {@code createdKey}, and while the order is
 *       {@code Pending} by the sparse {@code pending-index} (what the sweep of stalled orders reads);</li>
 *   <li>{@code sk = "event#000001"}, ...: the timeline, numbered in order;</li>
 *   <li>{@code sk = "vendor#<vendorId>"}: one share per dairy of the order (its lines, the delivery's city and
 *       pincode, its decision once made), indexed by {@code vendorId-index} for the dairy's list;</li>
 *   <li>{@code sk = "decision#<vendorId>"}: a dairy's decision, numbered in the order decisions were made;</li>
 *   <li>partition {@code key#<userId>#<key>}: an idempotency key and the order it placed;</li>
 *   <li>partition {@code customer#<userId>}: {@code sk = "stats"} (order count, loyalty points) and
 *       {@code sk = "day#<date>"} (open cash-on-delivery orders and units of each product held for that date).</li>
 * </ul>
 */
final class OrderItems {
    static final TableSpec TABLE = TableSpec.of("Orders", "ORDERS_TABLE", "orderId", "sk",
            IndexSpec.of("userId-index", "userId", "createdKey"), IndexSpec.of("listing-index", "listing", "createdKey"),
            IndexSpec.of("vendorId-index", "shareVendorId", "createdKey"),
            IndexSpec.of("pending-index", "pendingListing", "createdKey"));
    static final String HEADER = "order";
    static final String LISTING = "order";
    /** Present on a header only while its order is {@code Pending}: the sparse {@code pending-index} lists those. */
    static final String PENDING_LISTING = "pendingListing";
    static final Comparator<OrderLine> BY_PRODUCT = Comparator.comparing(OrderLine::productId);

    private OrderItems() {
    }

    static Map<String, AttributeValue> headerKey(String orderId) {
        return Map.of("orderId", s(orderId), "sk", s(HEADER));
    }

    static Map<String, AttributeValue> eventKey(String orderId, long seq) {
        return Map.of("orderId", s(orderId), "sk", s(eventSk(seq)));
    }

    static String eventSk(long seq) {
        return "event#%06d".formatted(seq);
    }

    static Map<String, AttributeValue> shareKey(String orderId, String vendorId) {
        return Map.of("orderId", s(orderId), "sk", s("vendor#" + vendorId));
    }

    static Map<String, AttributeValue> decisionKey(String orderId, String vendorId) {
        return Map.of("orderId", s(orderId), "sk", s("decision#" + vendorId));
    }

    static Map<String, AttributeValue> idempotencyKey(String userId, String key) {
        return Map.of("orderId", s("key#" + userId + "#" + key), "sk", s("key"));
    }

    static Map<String, AttributeValue> statsKey(String userId) {
        return Map.of("orderId", s("customer#" + userId), "sk", s("stats"));
    }

    static Map<String, AttributeValue> dayKey(String userId, LocalDate date) {
        return Map.of("orderId", s("customer#" + userId), "sk", s("day#" + date));
    }

    /** The attribute of a day item that counts the units of one product held for that date. */
    static String unitsAttribute(OrderLine line) {
        return "units#" + line.vendorId() + "#" + line.productId();
    }

    static String createdKey(Order order) {
        return Names.timeSortKey(order.createdAt(), order.orderId());
    }

    static Map<String, AttributeValue> header(Order o, long eventCount, List<String> whats) {
        Map<String, AttributeValue> item = new HashMap<>(headerKey(o.orderId()));
        item.put("userId", s(o.userId()));
        item.put("status", s(o.status().wireName()));
        item.put("deliveryDate", s(o.deliveryDate().toString()));
        item.put("paymentMethod", s(o.paymentMethod().wireName()));
        item.put("createdAt", time(o.createdAt()));
        item.put("updatedAt", time(o.updatedAt()));
        item.put("version", n(o.version()));
        item.put("lines", AttributeValue.fromL(o.lines().stream().map(OrderItems::line).toList()));
        item.put("pricing", pricing(o.pricing()));
        item.put("address", address(o.deliveryAddress()));
        putText(item, "zipCode", o.deliveryAddress().zipCode());
        item.put("vendorIds", AttributeValue.fromSs(List.copyOf(new TreeSet<>(o.lines().stream().map(OrderLine::vendorId).toList()))));
        item.put("eventCount", n(eventCount));
        item.put("whats", AttributeValue.fromSs(List.copyOf(new TreeSet<>(whats))));
        item.put("decisionCount", n(0));
        item.put("listing", s(LISTING));
        if (o.status() == OrderStatus.PENDING) {
            item.put(PENDING_LISTING, s(LISTING));
        }
        item.put("createdKey", s(createdKey(o)));
        return item;
    }

    static Order order(Map<String, AttributeValue> item) {
        String status = Attr.string(item, "status");
        String method = Attr.string(item, "paymentMethod");
        return new Order(Attr.string(item, "orderId"), Attr.string(item, "userId"),
                item.get("lines").l().stream().map(v -> line(v.m())).toList(), pricing(item.get("pricing").m()),
                OrderStatus.fromWireName(status).orElseThrow(() -> new IllegalStateException("unknown status " + status)),
                LocalDate.parse(Attr.string(item, "deliveryDate")), address(item.get("address").m()),
                PaymentMethod.fromWireName(method).orElseThrow(() -> new IllegalStateException("unknown method " + method)),
                Attr.time(item, "createdAt"), Attr.time(item, "updatedAt"), Attr.longValue(item, "version"));
    }

    static Map<String, AttributeValue> share(Order o, String vendorId) {
        Map<String, AttributeValue> item = new HashMap<>(shareKey(o.orderId(), vendorId));
        item.put("shareVendorId", s(vendorId));
        item.put("createdKey", s(createdKey(o)));
        item.put("deliveryDate", s(o.deliveryDate().toString()));
        item.put("address", address(o.deliveryAddress()));
        item.put("createdAt", time(o.createdAt()));
        item.put("lines", AttributeValue.fromL(o.lines().stream().filter(l -> l.vendorId().equals(vendorId))
                .sorted(BY_PRODUCT).map(OrderItems::line).toList()));
        return item;
    }

    /** A dairy's lines of the order with their status (from the header), oldest product id first. */
    static List<VendorOrderLine> vendorLines(Map<String, AttributeValue> share, OrderStatus status) {
        Optional<VendorDecision.Decision> decision = Attr.optionalString(share, "decision")
                .flatMap(VendorDecision.Decision::fromWireName);
        String orderId = Attr.string(share, "orderId");
        LocalDate date = LocalDate.parse(Attr.string(share, "deliveryDate"));
        DeliveryAddress address = address(share.get("address").m());
        return share.get("lines").l().stream().map(v -> new VendorOrderLine(orderId, status, date, line(v.m()),
                address.city(), address.zipCode(), Attr.time(share, "createdAt"), decision))
                .toList();
    }

    static Map<String, AttributeValue> event(OrderEvent e, long seq) {
        Map<String, AttributeValue> item = new HashMap<>(eventKey(e.orderId(), seq));
        item.put("seq", n(seq));
        item.put("what", s(e.what()));
        item.put("status", s(e.status().wireName()));
        item.put("byKind", s(e.byKind()));
        item.put("by", s(e.by()));
        item.put("note", s(e.note()));
        item.put("at", time(e.at()));
        return item;
    }

    static OrderEvent event(Map<String, AttributeValue> item) {
        String status = Attr.string(item, "status");
        return new OrderEvent(Attr.longValue(item, "seq"), Attr.string(item, "orderId"), Attr.string(item, "what"),
                OrderStatus.fromWireName(status).orElseThrow(() -> new IllegalStateException("unknown status " + status)),
                Attr.string(item, "byKind"), Attr.string(item, "by"), Attr.string(item, "note"), Attr.time(item, "at"));
    }

    static Map<String, AttributeValue> decision(VendorDecision d, long seq) {
        Map<String, AttributeValue> item = new HashMap<>(decisionKey(d.orderId(), d.vendorId()));
        item.put("seq", n(seq));
        item.put("vendorId", s(d.vendorId()));
        item.put("decision", s(d.decision().wireName()));
        item.put("reason", s(d.reason()));
        item.put("decidedBy", s(d.decidedBy()));
        item.put("at", time(d.at()));
        return item;
    }

    static VendorDecision decision(Map<String, AttributeValue> item) {
        String decision = Attr.string(item, "decision");
        return new VendorDecision(Attr.string(item, "orderId"), Attr.string(item, "vendorId"),
                VendorDecision.Decision.fromWireName(decision).orElseThrow(() -> new IllegalStateException("unknown decision " + decision)),
                Attr.string(item, "reason"), Attr.string(item, "decidedBy"), Attr.time(item, "at"));
    }

    static Map<String, AttributeValue> idempotencyItem(String userId, String key, String requestHash, Order order) {
        Map<String, AttributeValue> item = new HashMap<>(idempotencyKey(userId, key));
        item.put("keyUserId", s(userId));
        item.put("idempotencyKey", s(key));
        item.put("requestHash", s(requestHash));
        item.put("placedOrderId", s(order.orderId()));
        item.put("createdAt", time(order.createdAt()));
        return item;
    }

    static IdempotencyRecord idempotencyRecord(Map<String, AttributeValue> item) {
        return new IdempotencyRecord(Attr.string(item, "keyUserId"), Attr.string(item, "idempotencyKey"),
                Attr.string(item, "requestHash"), Attr.string(item, "placedOrderId"), Attr.time(item, "createdAt"));
    }

    static CustomerStats stats(String userId, Map<String, AttributeValue> item) {
        return new CustomerStats(userId, item.containsKey("orderCount") ? Attr.integer(item, "orderCount") : 0,
                item.containsKey("loyaltyPoints") ? Attr.integer(item, "loyaltyPoints") : 0);
    }

    private static AttributeValue line(OrderLine l) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("productId", s(l.productId()));
        m.put("vendorId", s(l.vendorId()));
        m.put("vendorName", s(l.vendorName()));
        m.put("productName", s(l.productName()));
        m.put("unit", s(l.unit()));
        m.put("quantity", n(l.quantity()));
        m.put("unitPrice", n(l.unitPrice()));
        m.put("totalPrice", n(l.totalPrice()));
        return AttributeValue.fromM(m);
    }

    private static OrderLine line(Map<String, AttributeValue> m) {
        return new OrderLine(Attr.string(m, "productId"), Attr.string(m, "vendorId"), Attr.string(m, "vendorName"),
                Attr.string(m, "productName"), Attr.string(m, "unit"), Attr.integer(m, "quantity"),
                paise(m, "unitPrice"), paise(m, "totalPrice"));
    }

    private static AttributeValue pricing(Pricing p) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("subtotal", n(p.subtotal()));
        m.put("cgst", n(p.cgst()));
        m.put("sgst", n(p.sgst()));
        m.put("tax", n(p.tax()));
        m.put("baseDeliveryCharge", n(p.baseDeliveryCharge()));
        m.put("multiVendorSurcharge", n(p.multiVendorSurcharge()));
        m.put("deliveryCharge", n(p.deliveryCharge()));
        m.put("firstOrderDiscount", n(p.firstOrderDiscount()));
        m.put("pointsRedeemed", n(p.pointsRedeemed()));
        m.put("discount", n(p.discount()));
        m.put("totalAmount", n(p.totalAmount()));
        return AttributeValue.fromM(m);
    }

    private static Pricing pricing(Map<String, AttributeValue> m) {
        return new Pricing(paise(m, "subtotal"), paise(m, "cgst"), paise(m, "sgst"), paise(m, "tax"),
                paise(m, "baseDeliveryCharge"), paise(m, "multiVendorSurcharge"), paise(m, "deliveryCharge"),
                paise(m, "firstOrderDiscount"), Attr.integer(m, "pointsRedeemed"), paise(m, "discount"),
                paise(m, "totalAmount"));
    }

    private static AttributeValue address(DeliveryAddress a) {
        // a snapshot of the customer's address; fields it lacks are left out and read back as absent
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        putText(m, "addressId", a.addressId());
        putText(m, "label", a.label());
        putText(m, "line1", a.line1());
        putText(m, "line2", a.line2());
        putText(m, "city", a.city());
        putText(m, "state", a.state());
        putText(m, "zipCode", a.zipCode());
        return AttributeValue.fromM(m);
    }

    private static DeliveryAddress address(Map<String, AttributeValue> m) {
        return new DeliveryAddress(text(m, "addressId"), text(m, "label"), text(m, "line1"), text(m, "line2"),
                text(m, "city"), text(m, "state"), text(m, "zipCode"));
    }

    private static void putText(Map<String, AttributeValue> m, String name, String value) {
        if (value != null) {
            m.put(name, s(value));
        }
    }

    private static String text(Map<String, AttributeValue> m, String name) {
        return Attr.optionalString(m, name).orElse(null);
    }

    /** DynamoDB drops trailing zeros of numbers; amounts come back with their two decimals. */
    private static BigDecimal paise(Map<String, AttributeValue> m, String name) {
        return Attr.decimal(m, name).setScale(2, RoundingMode.UNNECESSARY);
    }
}
