package com.milkrun.orders;

import com.milkrun.shared.Input;
import com.milkrun.shared.Validation;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * When an order can be delivered, in business time (Asia/Kolkata by default): from tomorrow to seven days ahead;
 * after the cut-off (22:00) tomorrow is no longer possible. Orders arrive by 08:00 on their date and can be
 * cancelled until the cut-off of the day before.
 */
public record DeliveryWindow(ZoneId zone, LocalTime cutoff, int maxDaysAhead, LocalTime deliveredBy) {
    public static final LocalTime DEFAULT_CUTOFF = LocalTime.of(22, 0);
    private static final Pattern FORMAT = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    public static DeliveryWindow standard(ZoneId zone) {
        return new DeliveryWindow(zone, DEFAULT_CUTOFF, 7, LocalTime.of(8, 0));
    }

    public LocalDate today(Instant now) {
        return now.atZone(zone).toLocalDate();
    }

    /** The first date an order placed now can be delivered on. */
    public LocalDate earliest(Instant now) {
        var local = now.atZone(zone);
        return local.toLocalTime().isBefore(cutoff) ? local.toLocalDate().plusDays(1) : local.toLocalDate().plusDays(2);
    }

    public LocalDate latest(Instant now) {
        return today(now).plusDays(maxDaysAhead);
    }

    /** Checks a requested delivery date, one code per mistake; returns it when valid, null otherwise. */
    public LocalDate check(Input<String> raw, Instant now, Validation check) {
        if (raw instanceof Input.Absent<String> || raw instanceof Input.Given<String> given && given.value().isEmpty()) {
            check.add("deliveryDate", "Delivery date is required", "MISSING_DELIVERY_DATE");
            return null;
        }
        if (!(raw instanceof Input.Given<String>(String text)) || !FORMAT.matcher(text).matches()) {
            check.add("deliveryDate", "Invalid date format. Use YYYY-MM-DD", "INVALID_DATE_FORMAT");
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text, STRICT);
        } catch (DateTimeException e) {
            check.add("deliveryDate", "Invalid date", "INVALID_DATE");
            return null;
        }
        LocalDate today = today(now);
        if (date.isBefore(today)) {
            check.add("deliveryDate", "Delivery date cannot be in the past", "INVALID_DATE");
            return null;
        }
        if (date.equals(today)) {
            check.add("deliveryDate", "Delivery date must be at least tomorrow", "DATE_TOO_EARLY");
            return null;
        }
        if (date.isBefore(earliest(now))) {
            check.add("deliveryDate", "Orders for tomorrow close at " + cutoff + "; please choose a later date", "DATE_TOO_EARLY");
            return null;
        }
        if (date.isAfter(latest(now))) {
            check.add("deliveryDate", "Delivery date cannot be more than " + maxDaysAhead + " days in the future", "DATE_TOO_FAR");
            return null;
        }
        return date;
    }

    public OffsetDateTime estimatedDelivery(LocalDate date) {
        return date.atTime(deliveredBy).atZone(zone).toOffsetDateTime();
    }

    /** The last moment a customer may cancel an order for {@code date}: the cut-off of the day before. */
    public OffsetDateTime cancelDeadline(LocalDate date) {
        return date.minusDays(1).atTime(cutoff).atZone(zone).toOffsetDateTime();
    }
}
