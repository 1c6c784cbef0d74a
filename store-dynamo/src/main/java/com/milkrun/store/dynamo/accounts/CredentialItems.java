package com.milkrun.store.dynamo.accounts;

import static com.milkrun.store.dynamo.Attr.bool;
import static com.milkrun.store.dynamo.Attr.n;
import static com.milkrun.store.dynamo.Attr.s;
import static com.milkrun.store.dynamo.Attr.time;

import com.milkrun.accounts.Credential;
import com.milkrun.accounts.OneTimeCode;
import com.milkrun.store.dynamo.Attr;
import com.milkrun.store.dynamo.TableSpec;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Credentials and one-time codes as items of the Credentials table, key {@code userId}, no index. Three kinds of
 * item share the key:
 * <ul>
 *   <li>the credential, {@code userId = <userId>}, the only kind with a {@code passwordHash};</li>
 *   <li>its email item, {@code userId = "email#<lower-case email>"}, naming the credential's user in
 *       {@code emailOf}: written in the same transaction as the credential, it makes emails unique (a condition) and
 *       finding a credential by email a strongly consistent read;</li>
 *   <li>one code item per (user, purpose), {@code userId = "code#<userId>#<purpose>"}. The purposes are a closed
 *       set, so the codes of a user are known keys and deleting a credential deletes them without a query.</li>
 * </ul>
 */
final class CredentialItems {
    static final TableSpec TABLE = TableSpec.of("Credentials", "CREDENTIALS_TABLE", "userId", null);
    /** The attribute only credential items have. */
    static final String PASSWORD_HASH = "passwordHash";

    private CredentialItems() {
    }

    static Map<String, AttributeValue> key(String userId) {
        return Map.of("userId", s(userId));
    }

    static Map<String, AttributeValue> emailKey(String email) {
        return Map.of("userId", s("email#" + email.toLowerCase(Locale.ROOT)));
    }

    static Map<String, AttributeValue> emailItem(Credential credential) {
        return Map.of("userId", s("email#" + credential.email().toLowerCase(Locale.ROOT)),
                "emailOf", s(credential.userId()));
    }

    static String emailOf(Map<String, AttributeValue> emailItem) {
        return Attr.string(emailItem, "emailOf");
    }

    static Map<String, AttributeValue> codeKey(String userId, OneTimeCode.Purpose purpose) {
        return Map.of("userId", s("code#" + userId + "#" + purpose.name()));
    }

    /** The keys of every code {@code userId} can have, one per purpose. */
    static List<Map<String, AttributeValue>> codeKeys(String userId) {
        return Arrays.stream(OneTimeCode.Purpose.values()).map(purpose -> codeKey(userId, purpose)).toList();
    }

    static Map<String, AttributeValue> item(Credential c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("userId", s(c.userId()));
        item.put("email", s(c.email()));
        item.put(PASSWORD_HASH, s(c.passwordHash()));
        item.put("emailVerified", bool(c.emailVerified()));
        item.put("failedAttempts", n(c.failedAttempts()));
        c.lockedUntil().ifPresent(until -> item.put("lockedUntil", time(until)));
        item.put("version", n(c.version()));
        return item;
    }

    static Credential credential(Map<String, AttributeValue> item) {
        return new Credential(Attr.string(item, "userId"), Attr.string(item, "email"), Attr.string(item, PASSWORD_HASH),
                Attr.bool(item, "emailVerified"), Attr.integer(item, "failedAttempts"),
                Attr.optionalTime(item, "lockedUntil"), Attr.longValue(item, "version"));
    }

    static Map<String, AttributeValue> codeItem(OneTimeCode code) {
        Map<String, AttributeValue> item = new HashMap<>(codeKey(code.userId(), code.purpose()));
        item.put("codeOf", s(code.userId()));
        item.put("purpose", s(code.purpose().name()));
        item.put("codeHash", s(code.codeHash()));
        item.put("expiresAt", time(code.expiresAt()));
        item.put("attemptsLeft", n(code.attemptsLeft()));
        item.put("windowStart", time(code.windowStart()));
        item.put("sendsInWindow", n(code.sendsInWindow()));
        return item;
    }

    static OneTimeCode code(Map<String, AttributeValue> item) {
        return new OneTimeCode(Attr.string(item, "codeOf"), OneTimeCode.Purpose.valueOf(Attr.string(item, "purpose")),
                Attr.string(item, "codeHash"), Attr.time(item, "expiresAt"), Attr.integer(item, "attemptsLeft"),
                Attr.time(item, "windowStart"), Attr.integer(item, "sendsInWindow"));
    }
}
