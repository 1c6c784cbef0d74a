package com.milkrun.catalog;

import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import com.milkrun.shared.Validation;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The catalog's field rules, shared by the shop's filters, the vendor portal's forms and the back office. */
final class CatalogRules {
    static final int MAX_STOCK = 1_000_000;
    static final BigDecimal MAX_PRICE = new BigDecimal("100000.00");
    private static final Pattern IMAGE_URL = Pattern.compile("^(https?://[^\\s]+|/[^\\s]*)$");

    private CatalogRules() {
    }

    static Optional<Category> parseCategory(Validation check, String category) {
        if (category == null || category.isBlank()) {
            return Optional.empty();
        }
        Optional<Category> parsed = Category.fromId(category);
        if (parsed.isEmpty()) {
            check.add("category", "Category must be one of " + Arrays.stream(Category.values())
                    .map(Category::id).collect(Collectors.joining(", ")), "INVALID_CATEGORY");
        }
        return parsed;
    }

    static BigDecimal price(Validation check, BigDecimal price, boolean required) {
        if (price == null) {
            if (required) {
                check.add("price", "Price is required", "MISSING_PRICE");
            }
            return null;
        }
        if (price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0) {
            check.add("price", "Price must be more than ₹0 and at most ₹" + MAX_PRICE.toPlainString(), "INVALID_PRICE");
            return null;
        }
        if (price.stripTrailingZeros().scale() > 2) {
            check.add("price", "Price can have at most 2 decimal places", "INVALID_PRICE");
            return null;
        }
        return price.setScale(2);
    }

    static int stockValue(Validation check, int units) {
        if (units < 0 || units > MAX_STOCK) {
            check.add("stock", "Stock must be between 0 and " + MAX_STOCK, "INVALID_STOCK");
            return 0;
        }
        return units;
    }

    static String imageUrl(Validation check, String url) {
        String value = check.optionalText("imageUrl", url, 500, "Image URL");
        if (!value.isEmpty() && !IMAGE_URL.matcher(value).matches()) {
            check.add("imageUrl", "Image URL must start with http://, https:// or /", "INVALID_IMAGE_URL");
            return "";
        }
        return value;
    }

    static List<String> pincodes(Validation check, List<String> pincodes) {
        if (pincodes == null || pincodes.isEmpty()) {
            check.add("pincodes", "At least one pincode is required", "MISSING_PINCODES");
            return List.of();
        }
        if (pincodes.size() > 200) {
            check.add("pincodes", "At most 200 pincodes", "TOO_MANY_PINCODES");
            return List.of();
        }
        Set<String> clean = new LinkedHashSet<>();
        for (int i = 0; i < pincodes.size(); i++) {
            String p = pincodes.get(i);
            if (p == null || !Validation.PINCODE.matcher(p.strip()).matches()) {
                check.add("pincodes[" + i + "]", "Pincode must be 6 digits", "INVALID_PINCODE");
            } else {
                clean.add(p.strip());
            }
        }
        return List.copyOf(clean);
    }

    /**
     * A disabled vendor keeps read access to its portal but cannot change its profile, products or stock.
     *
     * @throws DomainException 403 {@code VendorDisabled}
     */
    static Vendor notDisabled(Vendor vendor) {
        if (vendor.status() == VendorStatus.DISABLED) {
            throw new DomainException(Failure.FORBIDDEN, "VendorDisabled", "This vendor has been disabled by an administrator");
        }
        return vendor;
    }

    static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    static DomainException productNotFound() {
        return DomainException.notFound("Product not found");
    }
}
