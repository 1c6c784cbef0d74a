package com.milkrun.store.sql.orders;

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
import com.milkrun.store.sql.SqlTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The columns of {@code orders}, {@code order_lines}, {@code order_events}, {@code vendor_decisions},
 * {@code idempotency_keys} and {@code customer_stats}, and how their rows become orders, vendor lines, timeline
 * entries, decisions, key records and stats.
 */
final class OrderRows {
    static final String ORDER_ID = "order_id";
    static final String USER_ID = "user_id";
    static final String STATUS = "status";
    static final String DELIVERY_DATE = "delivery_date";
    static final String PAYMENT_METHOD = "payment_method";
    static final String ADDRESS_ID = "address_id";
    static final String ADDRESS_LABEL = "address_label";
    static final String ADDRESS_LINE1 = "address_line1";
    static final String ADDRESS_LINE2 = "address_line2";
    static final String CITY = "city";
    static final String STATE = "state";
    static final String ZIP_CODE = "zip_code";
    static final String SUBTOTAL = "subtotal";
    static final String CGST = "cgst";
    static final String SGST = "sgst";
    static final String TAX = "tax";
    static final String BASE_DELIVERY_CHARGE = "base_delivery_charge";
    static final String MULTI_VENDOR_SURCHARGE = "multi_vendor_surcharge";
    static final String DELIVERY_CHARGE = "delivery_charge";
    static final String FIRST_ORDER_DISCOUNT = "first_order_discount";
    static final String POINTS_REDEEMED = "points_redeemed";
    static final String DISCOUNT = "discount";
    static final String TOTAL_AMOUNT = "total_amount";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";
    static final String VERSION = "version";

    static final String LINE_NO = "line_no";
    static final String PRODUCT_ID = "product_id";
    static final String VENDOR_ID = "vendor_id";
    static final String VENDOR_NAME = "vendor_name";
    static final String PRODUCT_NAME = "product_name";
    static final String UNIT = "unit";
    static final String QUANTITY = "quantity";
    static final String UNIT_PRICE = "unit_price";
    static final String TOTAL_PRICE = "total_price";

    static final String IDEMPOTENCY_KEY = "idempotency_key";
    static final String REQUEST_HASH = "request_hash";
    static final String ORDER_COUNT = "order_count";
    static final String LOYALTY_POINTS = "loyalty_points";

    static final String SEQ = "seq";
    static final String WHAT = "what";
    static final String BY_KIND = "by_kind";
    static final String BY_NAME = "by_name";
    static final String NOTE = "note";
    static final String AT = "at";
    static final String DECISION = "decision";
    static final String REASON = "reason";
    static final String DECIDED_BY = "decided_by";

    static final String ORDER_COLUMNS = "order_id, user_id, status, delivery_date, payment_method, address_id,"
            + " address_label, address_line1, address_line2, city, state, zip_code, subtotal, cgst, sgst, tax,"
            + " base_delivery_charge, multi_vendor_surcharge, delivery_charge, first_order_discount, points_redeemed,"
            + " discount, total_amount, created_at, updated_at, version";
    static final String LINE_COLUMNS = "order_id, line_no, product_id, vendor_id, vendor_name, product_name, unit,"
            + " quantity, unit_price, total_price, created_at, delivery_date";
    static final String KEY_COLUMNS = "user_id, idempotency_key, request_hash, order_id, created_at";
    static final String EVENT_COLUMNS = "order_id, seq, what, status, by_kind, by_name, note, at";
    static final String DECISION_COLUMNS = "order_id, vendor_id, seq, decision, reason, decided_by, at";

    /** The select list of {@code orders o JOIN order_lines l}: every order column, then the line's own columns. */
    static final String JOINED_COLUMNS = "o.order_id, o.user_id, o.status, o.delivery_date, o.payment_method,"
            + " o.address_id, o.address_label, o.address_line1, o.address_line2, o.city, o.state, o.zip_code,"
            + " o.subtotal, o.cgst, o.sgst, o.tax, o.base_delivery_charge, o.multi_vendor_surcharge,"
            + " o.delivery_charge, o.first_order_discount, o.points_redeemed, o.discount, o.total_amount,"
            + " o.created_at, o.updated_at, o.version, l.product_id, l.vendor_id, l.vendor_name, l.product_name,"
            + " l.unit, l.quantity, l.unit_price, l.total_price";

    /**
     * The select list of {@code order_lines l JOIN orders o LEFT JOIN vendor_decisions d} for a vendor's lines, with
     * the vendor's decision on the order (NULL when none).
     */
    static final String VENDOR_LINE_COLUMNS = "l.order_id, l.product_id, l.vendor_id, l.vendor_name, l.product_name,"
            + " l.unit, l.quantity, l.unit_price, l.total_price, l.created_at, l.delivery_date, o.status, o.city,"
            + " o.zip_code, d.decision";

    /** An order row without its lines (an {@link Order} has at least one). */
    record Header(String orderId, String userId, Pricing pricing, OrderStatus status, LocalDate deliveryDate,
                  DeliveryAddress deliveryAddress, PaymentMethod paymentMethod, Instant createdAt, Instant updatedAt,
                  long version) {
        Order withLines(List<OrderLine> lines) {
            return new Order(orderId, userId, lines, pricing, status, deliveryDate, deliveryAddress, paymentMethod,
                    createdAt, updatedAt, version);
        }
    }

    /** One row of orders joined with lines: the order and one of its lines. */
    record Joined(Header header, OrderLine line) {
    }

    private OrderRows() {
    }

    static Joined mapJoined(ResultSet row) throws SQLException {
        Pricing pricing = new Pricing(row.getBigDecimal(SUBTOTAL), row.getBigDecimal(CGST), row.getBigDecimal(SGST),
                row.getBigDecimal(TAX), row.getBigDecimal(BASE_DELIVERY_CHARGE), row.getBigDecimal(MULTI_VENDOR_SURCHARGE),
                row.getBigDecimal(DELIVERY_CHARGE), row.getBigDecimal(FIRST_ORDER_DISCOUNT), row.getInt(POINTS_REDEEMED),
                row.getBigDecimal(DISCOUNT), row.getBigDecimal(TOTAL_AMOUNT));
        DeliveryAddress address = new DeliveryAddress(row.getString(ADDRESS_ID), row.getString(ADDRESS_LABEL),
                row.getString(ADDRESS_LINE1), row.getString(ADDRESS_LINE2), row.getString(CITY), row.getString(STATE),
                row.getString(ZIP_CODE));
        Header header = new Header(row.getString(ORDER_ID), row.getString(USER_ID), pricing, status(row.getString(STATUS)),
                row.getObject(DELIVERY_DATE, LocalDate.class), address, paymentMethod(row.getString(PAYMENT_METHOD)),
                SqlTime.read(row, CREATED_AT), SqlTime.read(row, UPDATED_AT), row.getLong(VERSION));
        return new Joined(header, line(row));
    }

    /** Folds joined rows, ordered by order and line number, into orders with their lines. */
    static List<Order> fold(List<Joined> rows) {
        List<Order> orders = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            Header header = rows.get(i).header();
            List<OrderLine> lines = new ArrayList<>();
            while (i < rows.size() && rows.get(i).header().orderId().equals(header.orderId())) {
                lines.add(rows.get(i).line());
                i++;
            }
            orders.add(header.withLines(lines));
        }
        return orders;
    }

    static VendorOrderLine vendorLine(ResultSet row) throws SQLException {
        return new VendorOrderLine(row.getString(ORDER_ID), status(row.getString(STATUS)),
                row.getObject(DELIVERY_DATE, LocalDate.class), line(row), row.getString(CITY), row.getString(ZIP_CODE),
                SqlTime.read(row, CREATED_AT), Optional.ofNullable(row.getString(DECISION)).map(OrderRows::decision));
    }

    static OrderEvent event(ResultSet row) throws SQLException {
        return new OrderEvent(row.getLong(SEQ), row.getString(ORDER_ID), row.getString(WHAT),
                status(row.getString(STATUS)), row.getString(BY_KIND), row.getString(BY_NAME), row.getString(NOTE),
                SqlTime.read(row, AT));
    }

    static VendorDecision vendorDecision(ResultSet row) throws SQLException {
        return new VendorDecision(row.getString(ORDER_ID), row.getString(VENDOR_ID), decision(row.getString(DECISION)),
                row.getString(REASON), row.getString(DECIDED_BY), SqlTime.read(row, AT));
    }

    /** The values of a timeline row numbered {@code seq}, in the order of {@link #EVENT_COLUMNS}. */
    static Object[] eventValues(OrderEvent e, long seq) {
        return new Object[] {e.orderId(), seq, e.what(), e.status().wireName(), e.byKind(), e.by(), e.note(), e.at()};
    }

    /** The values of a decision row numbered {@code seq}, in the order of {@link #DECISION_COLUMNS}. */
    static Object[] decisionValues(VendorDecision d, long seq) {
        return new Object[] {d.orderId(), d.vendorId(), seq, d.decision().wireName(), d.reason(), d.decidedBy(), d.at()};
    }

    static IdempotencyRecord key(ResultSet row) throws SQLException {
        return new IdempotencyRecord(row.getString(USER_ID), row.getString(IDEMPOTENCY_KEY), row.getString(REQUEST_HASH),
                row.getString(ORDER_ID), SqlTime.read(row, CREATED_AT));
    }

    static CustomerStats stats(String userId, ResultSet row) throws SQLException {
        return new CustomerStats(userId, row.getInt(ORDER_COUNT), row.getInt(LOYALTY_POINTS));
    }

    /** The values of an order row, in the order of {@link #ORDER_COLUMNS}. */
    static List<Object> orderValues(Order o) {
        Pricing p = o.pricing();
        DeliveryAddress a = o.deliveryAddress();
        return Arrays.asList(o.orderId(), o.userId(), o.status().wireName(), o.deliveryDate(), o.paymentMethod().wireName(),
                a.addressId(), a.label(), a.line1(), a.line2(), a.city(), a.state(), a.zipCode(), p.subtotal(), p.cgst(),
                p.sgst(), p.tax(), p.baseDeliveryCharge(), p.multiVendorSurcharge(), p.deliveryCharge(),
                p.firstOrderDiscount(), p.pointsRedeemed(), p.discount(), p.totalAmount(), o.createdAt(), o.updatedAt(),
                o.version());
    }

    /** The values of a line row, in the order of {@link #LINE_COLUMNS}. */
    static List<Object> lineValues(Order o, int lineNo, OrderLine l) {
        return Arrays.asList(o.orderId(), lineNo, l.productId(), l.vendorId(), l.vendorName(), l.productName(), l.unit(),
                l.quantity(), l.unitPrice(), l.totalPrice(), o.createdAt(), o.deliveryDate());
    }

    /**
     * The order as the database will hold it: amounts with two decimals, times to the microsecond, the given version.
     *
     * @throws ArithmeticException for an amount with fractions of a paisa, which NUMERIC(12,2) would round
     */
    static Order stored(Order o, long version) {
        Pricing p = o.pricing();
        Pricing pricing = new Pricing(paise(p.subtotal()), paise(p.cgst()), paise(p.sgst()), paise(p.tax()),
                paise(p.baseDeliveryCharge()), paise(p.multiVendorSurcharge()), paise(p.deliveryCharge()),
                paise(p.firstOrderDiscount()), p.pointsRedeemed(), paise(p.discount()), paise(p.totalAmount()));
        List<OrderLine> lines = o.lines().stream().map(l -> new OrderLine(l.productId(), l.vendorId(), l.vendorName(),
                l.productName(), l.unit(), l.quantity(), paise(l.unitPrice()), paise(l.totalPrice()))).toList();
        return new Order(o.orderId(), o.userId(), lines, pricing, o.status(), o.deliveryDate(), o.deliveryAddress(),
                o.paymentMethod(), SqlTime.micros(o.createdAt()), SqlTime.micros(o.updatedAt()), version);
    }

    private static OrderLine line(ResultSet row) throws SQLException {
        return new OrderLine(row.getString(PRODUCT_ID), row.getString(VENDOR_ID), row.getString(VENDOR_NAME),
                row.getString(PRODUCT_NAME), row.getString(UNIT), row.getInt(QUANTITY), row.getBigDecimal(UNIT_PRICE),
                row.getBigDecimal(TOTAL_PRICE));
    }

    private static BigDecimal paise(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static OrderStatus status(String wireName) {
        return OrderStatus.fromWireName(wireName)
                .orElseThrow(() -> new IllegalStateException("unknown status in table orders: " + wireName));
    }

    private static VendorDecision.Decision decision(String wireName) {
        return VendorDecision.Decision.fromWireName(wireName)
                .orElseThrow(() -> new IllegalStateException("unknown decision in table vendor_decisions: " + wireName));
    }

    private static PaymentMethod paymentMethod(String wireName) {
        return PaymentMethod.fromWireName(wireName)
                .orElseThrow(() -> new IllegalStateException("unknown payment method in table orders: " + wireName));
    }
}
