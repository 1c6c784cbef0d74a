package com.milkrun.http;

import com.milkrun.orders.DeliveryAddress;
import com.milkrun.shared.Page;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** JSON shapes every capability's views share: a page of items, amounts of money, business-time moments, addresses. */
public final class JsonViews {
    private JsonViews() {
    }

    /** {@code {items, count, nextToken?}}: the shape of every list the API answers. */
    public static <T> Map<String, Object> page(Page<T> page, Function<T, Object> item) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("items", page.items().stream().map(item).toList());
        m.put("count", page.items().size());
        page.nextToken().ifPresent(t -> m.put("nextToken", t));
        return m;
    }

    /** A complete list in the shape of a last page. */
    public static <T> Map<String, Object> list(List<T> items, Function<T, Object> item) {
        return page(Page.last(items), item);
    }

    /** Rupees as a JSON number without trailing zeros: 239.50 is written 239.5, 50.00 is written 50. */
    public static BigDecimal amount(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A business-time moment with its offset and always with seconds: {@code 2026-11-27T08:00:00+05:30}. */
    public static String timestamp(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    /** An address as an order copies it (and as the address book shows it, with more fields). */
    public static Map<String, Object> deliveryAddress(DeliveryAddress a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("addressId", a.addressId());
        m.put("label", a.label());
        m.put("line1", a.line1());
        m.put("line2", a.line2());
        m.put("city", a.city());
        m.put("state", a.state());
        m.put("zipCode", a.zipCode());
        return m;
    }
}
