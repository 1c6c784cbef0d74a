package com.milkrun.shared;

import java.util.UUID;
import java.util.regex.Pattern;

/** Readable ids with the seed's prefixes ({@code prod-…}, {@code vendor-…}, {@code user-…}) and a random part. */
public final class Ids {
    public static final Pattern PRODUCT_ID = Pattern.compile("^prod-[a-zA-Z0-9-]+$");
    public static final Pattern VENDOR_ID = Pattern.compile("^vendor-[a-zA-Z0-9-]+$");

    private Ids() {
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
