package com.milkrun.orders;

import com.milkrun.shared.FieldError;
import com.milkrun.shared.Ids;
import com.milkrun.shared.Input;
import com.milkrun.shared.Validation;
import com.milkrun.shared.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every field rule of an order request with its code and message, all errors of a request
 * collected into one answer, field paths like {@code items[0].quantity}.
 */
public final class OrderValidator {
    public static final int MAX_ITEMS = 50;
    public static final int MAX_QUANTITY = 100;
    public static final int MAX_ADDRESS_ID = 100;

    private final DeliveryWindow window;

    public OrderValidator(DeliveryWindow window) {
        this.window = window;
    }

    /** @throws ValidationException listing every problem found */
    public ValidOrderRequest validate(OrderRequest request, Instant now) {
        Validation check = new Validation();
        List<ValidOrderRequest.Item> items = items(request.items(), check);
        LocalDate date = window.check(request.deliveryDate(), now, check);
        String addressId = addressId(request.addressId(), check);
        PaymentMethod payment = paymentMethod(request.paymentMethod(), check);
        boolean redeem = redeemPoints(request.redeemPoints(), check);
        if (check.hasErrors()) {
            List<FieldError> errors = check.errors();
            boolean onlyDate = errors.stream().allMatch(e -> e.field().equals("deliveryDate"));
            throw new ValidationException(onlyDate ? "Invalid delivery date" : "Invalid input data", errors);
        }
        return new ValidOrderRequest(items, date, addressId, payment, redeem);
    }

    private static List<ValidOrderRequest.Item> items(List<OrderRequest.Item> list, Validation check) {
        if (list.isEmpty()) {
            check.add("items", "Items array cannot be empty", "EMPTY_ITEMS");
            return List.of();
        }
        if (list.size() > MAX_ITEMS) {
            check.add("items", "Maximum " + MAX_ITEMS + " items per order", "TOO_MANY_ITEMS");
        }
        List<ValidOrderRequest.Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "items[" + i + "]";
            OrderRequest.Item item = list.get(i);
            String productId = id(item.productId(), path + ".productId", "Product ID", "PRODUCT_ID", Ids.PRODUCT_ID, check);
            String vendorId = id(item.vendorId(), path + ".vendorId", "Vendor ID", "VENDOR_ID", Ids.VENDOR_ID, check);
            Integer quantity = quantity(item.quantity(), path + ".quantity", check);
            if (productId != null && !seen.add(productId)) {
                check.add(path + ".productId", "This product is already in the order; change its quantity instead", "DUPLICATE_ITEM");
            } else if (productId != null && vendorId != null && quantity != null) {
                items.add(new ValidOrderRequest.Item(productId, vendorId, quantity));
            }
        }
        return items;
    }

    private static String id(Input<String> raw, String field, String label, String code, Pattern pattern, Validation check) {
        String text = switch (raw) {
            case Input.Absent<String> absent -> "";
            case Input.Given<String> given -> given.value();
            case Input.WrongType<String> wrong -> null;
        };
        if (text != null && text.isEmpty()) {
            check.add(field, label + " is required", "MISSING_" + code);
            return null;
        }
        if (text == null || !pattern.matcher(text).matches()) {
            check.add(field, "Invalid " + label.toLowerCase(Locale.ROOT).replace(" id", " ID") + " format", "INVALID_" + code);
            return null;
        }
        return text;
    }

    /** Checked in this order: missing or below 1, then above 100, then not a whole number. */
    private static Integer quantity(Input<BigDecimal> raw, String field, Validation check) {
        BigDecimal number;
        switch (raw) {
            case Input.Absent<BigDecimal> absent -> {
                check.add(field, "Quantity must be at least 1", "INVALID_QUANTITY");
                return null;
            }
            case Input.WrongType<BigDecimal> wrong -> {
                check.add(field, "Quantity must be a whole number", "NON_INTEGER_QUANTITY");
                return null;
            }
            case Input.Given<BigDecimal> given -> number = given.value();
        }
        if (number.compareTo(BigDecimal.ONE) < 0) {
            check.add(field, "Quantity must be at least 1", "INVALID_QUANTITY");
            return null;
        }
        if (number.compareTo(BigDecimal.valueOf(MAX_QUANTITY)) > 0) {
            check.add(field, "Maximum quantity is " + MAX_QUANTITY + " per item", "QUANTITY_TOO_HIGH");
            return null;
        }
        if (number.stripTrailingZeros().scale() > 0) {
            check.add(field, "Quantity must be a whole number", "NON_INTEGER_QUANTITY");
            return null;
        }
        return number.intValueExact();
    }

    private static String addressId(Input<String> raw, Validation check) {
        if (raw instanceof Input.Absent<String> || raw instanceof Input.Given<String> given && given.value().isEmpty()) {
            check.add("addressId", "Address ID is required", "MISSING_ADDRESS_ID");
            return null;
        }
        if (!(raw instanceof Input.Given<String> given) || given.value().length() > MAX_ADDRESS_ID) {
            check.add("addressId", "Invalid address ID length", "INVALID_ADDRESS_ID");
            return null;
        }
        return given.value();
    }

    private static PaymentMethod paymentMethod(Input<String> raw, Validation check) {
        if (raw instanceof Input.Absent<String>) {
            return PaymentMethod.CASH_ON_DELIVERY;
        }
        if (raw instanceof Input.Given<String> given && PaymentMethod.fromWireName(given.value()).isPresent()) {
            return PaymentMethod.fromWireName(given.value()).get();
        }
        check.add("paymentMethod", "Payment method must be CashOnDelivery", "INVALID_PAYMENT_METHOD");
        return null;
    }

    private static boolean redeemPoints(Input<Boolean> raw, Validation check) {
        return switch (raw) {
            case Input.Absent<Boolean> absent -> false;
            case Input.Given<Boolean> given -> given.value();
            case Input.WrongType<Boolean> wrong -> {
                check.add("redeemPoints", "redeemPoints must be true or false", "INVALID_TYPE");
                yield false;
            }
        };
    }
}
