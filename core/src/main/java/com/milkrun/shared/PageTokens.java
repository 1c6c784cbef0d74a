package com.milkrun.shared;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Opaque keyset page tokens: base64url of (format version, list name, a hash of the list's filter, the sort key of
 * the last item returned, CRC32). Binding the list and the filter makes a token from another list or another filter
 * an {@code InvalidNextToken}; the checksum catches damaged and forged tokens.
 */
public final class PageTokens {
    private static final byte FORMAT = 1;
    private static final int MAX_TOKEN_LENGTH = 2_048;
    private static final int CHECKSUM_BYTES = Integer.BYTES;

    private PageTokens() {
    }

    /** Writes the token that continues {@code list} (with {@code filter}) after the item with key {@code keyParts}. */
    public static String encode(String list, String filter, List<String> keyParts) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(FORMAT);
            out.writeUTF(list);
            out.writeUTF(filterHash(filter));
            out.writeByte(keyParts.size());
            for (String part : keyParts) {
                out.writeUTF(part);
            }
            out.flush();
            byte[] body = bytes.toByteArray();
            byte[] token = ByteBuffer.allocate(body.length + CHECKSUM_BYTES).put(body).putInt(crc(body)).array();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the sort key out of a token issued by {@link #encode} for the same list and filter.
     *
     * @throws com.milkrun.shared.DomainException {@code InvalidNextToken} for any other token
     */
    public static List<String> decode(String token, String list, String filter, int keyParts) {
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw PageRequest.invalidToken();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            if (bytes.length <= CHECKSUM_BYTES) {
                throw PageRequest.invalidToken();
            }
            byte[] body = Arrays.copyOf(bytes, bytes.length - CHECKSUM_BYTES);
            if (ByteBuffer.wrap(bytes, body.length, CHECKSUM_BYTES).getInt() != crc(body)) {
                throw PageRequest.invalidToken();
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(body));
            if (in.readByte() != FORMAT || !in.readUTF().equals(list) || !in.readUTF().equals(filterHash(filter))
                    || in.readByte() != keyParts) {
                throw PageRequest.invalidToken();
            }
            List<String> parts = new ArrayList<>(keyParts);
            for (int i = 0; i < keyParts; i++) {
                parts.add(in.readUTF());
            }
            if (in.available() != 0) {
                throw PageRequest.invalidToken();
            }
            return List.copyOf(parts);
        } catch (IOException | IllegalArgumentException e) {
            throw PageRequest.invalidToken();
        }
    }

    private static int crc(byte[] body) {
        CRC32 crc = new CRC32();
        crc.update(body);
        return (int) crc.getValue();
    }

    private static String filterHash(String filter) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(filter.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 9));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
