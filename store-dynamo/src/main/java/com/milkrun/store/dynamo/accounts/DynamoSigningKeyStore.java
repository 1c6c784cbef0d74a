package com.milkrun.store.dynamo.accounts;

import com.milkrun.accounts.SigningKey;
import com.milkrun.accounts.SigningKeyStore;
import com.milkrun.store.dynamo.TableSpec;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Signing keys in the SigningKeys table ({@link SigningKeyItems}). Access patterns: the key in use is a strongly
 * consistent GetItem of the first generation's item; storing one is a PutItem of that item on condition that it does
 * not exist, so when processes race exactly one key is written and the others read it back.
 */
public final class DynamoSigningKeyStore implements SigningKeyStore {
    public static final TableSpec TABLE = SigningKeyItems.TABLE;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSigningKeyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<SigningKey> current() {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(SigningKeyItems.firstKey())
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SigningKeyItems.key(item));
    }

    @Override
    public SigningKey saveIfAbsent(SigningKey key) {
        Optional<SigningKey> existing = current();
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            dynamo.putItem(b -> b.tableName(table).item(SigningKeyItems.firstItem(key))
                    .conditionExpression("attribute_not_exists(generation)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return key;
        } catch (ConditionalCheckFailedException e) {
            if (e.hasItem() && !e.item().isEmpty()) {
                return SigningKeyItems.key(e.item());
            }
            return current().orElseThrow(() -> new IllegalStateException("signing key vanished after a failed condition", e));
        }
    }
}
