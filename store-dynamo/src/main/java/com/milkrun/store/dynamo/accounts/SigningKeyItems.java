package com.milkrun.store.dynamo.accounts;

import static com.milkrun.store.dynamo.Attr.s;
import static com.milkrun.store.dynamo.Attr.time;

import com.milkrun.accounts.SigningKey;
import com.milkrun.store.dynamo.Attr;
import com.milkrun.store.dynamo.TableSpec;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Signing keys as items of the SigningKeys table, key {@code generation}, no index. The key in use is the item of
 * generation {@code "1"}: the first key stored takes it, and no later key can, as the generation is the item's key.
 */
final class SigningKeyItems {
    static final TableSpec TABLE = TableSpec.of("SigningKeys", "SIGNING_KEYS_TABLE", "generation", null);
    static final String FIRST_GENERATION = "1";

    private SigningKeyItems() {
    }

    static Map<String, AttributeValue> firstKey() {
        return Map.of("generation", s(FIRST_GENERATION));
    }

    static Map<String, AttributeValue> firstItem(SigningKey key) {
        Map<String, AttributeValue> item = new HashMap<>(firstKey());
        item.put("keyId", s(key.keyId()));
        item.put("privateKey", s(key.privateKey()));
        item.put("createdAt", time(key.createdAt()));
        return item;
    }

    static SigningKey key(Map<String, AttributeValue> item) {
        return new SigningKey(Attr.string(item, "keyId"), Attr.string(item, "privateKey"), Attr.time(item, "createdAt"));
    }
}
