package com.milkrun.contract;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/** Page tokens that no store issued: garbage, base64 of junk, and damaged copies of a real token. */
public final class ForgedTokens {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private ForgedTokens() {
    }

    /** Tokens that must be refused, built around a {@code realToken} issued by the store under test. */
    public static List<String> around(String realToken) {
        List<String> tokens = new ArrayList<>(List.of(
                "garbage",
                "not a token!",
                "%%%",
                "ट",
                "A".repeat(5_000),
                encode("hello world"),
                encode("users|2025-01-15T00:30:00Z|user-asha"),
                encode("{\"createdAt\":\"2025-01-15T00:30:00Z\",\"id\":\"user-asha\"}"),
                BASE64URL.encodeToString(randomBytes(48)),
                realToken.substring(0, realToken.length() / 2),
                realToken + "AAAA",
                "AAAA" + realToken,
                realToken + "."));
        Random random = new Random(7);
        for (int i = 0; i < 12; i++) {
            tokens.add(mutate(realToken, random));
        }
        return tokens;
    }

    /** Asserts that {@code list} refuses every token of {@link #around} with {@code InvalidNextToken}. */
    public static void assertAllRefused(String realToken, Consumer<String> list) {
        for (String forged : around(realToken)) {
            assertThatThrownBy(() -> list.accept(forged))
                    .as("forged token %s", forged.length() > 40 ? forged.substring(0, 40) + "…" : forged)
                    .isInstanceOfSatisfying(DomainException.class, e -> ContractAssertions.assertError(e, "InvalidNextToken"));
        }
    }

    private static String mutate(String token, Random random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char[] chars = token.toCharArray();
        int position = random.nextInt(Math.max(1, chars.length - 1));
        char replacement;
        do {
            replacement = alphabet.charAt(random.nextInt(alphabet.length()));
        } while (replacement == chars[position]);
        chars[position] = replacement;
        return new String(chars);
    }

    private static String encode(String text) {
        return BASE64URL.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
