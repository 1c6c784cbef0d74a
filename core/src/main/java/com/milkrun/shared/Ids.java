package com.milkrun.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /**
     * The same id for the same parts, every time: what a step that may run twice names the records it writes, so
     * that the second run finds them instead of writing them again.
     */
    public static String derived(String prefix, String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return prefix + "-" + HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
