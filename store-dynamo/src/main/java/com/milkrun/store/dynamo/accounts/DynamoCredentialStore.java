package com.milkrun.store.dynamo.accounts;

import static com.milkrun.store.dynamo.Attr.n;
import static com.milkrun.store.dynamo.Attr.s;

import com.milkrun.accounts.Credential;
import com.milkrun.accounts.CredentialStore;
import com.milkrun.accounts.OneTimeCode;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.DomainException;
import com.milkrun.store.dynamo.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Credentials and one-time codes in the Credentials table ({@link CredentialItems}). Access patterns:
 * <ul>
 *   <li>create: the credential and its email item in one transaction, each only if absent;</li>
 *   <li>get: a strongly consistent GetItem of the credential; find by email: one of the email item, then of the
 *       credential it names;</li>
 *   <li>update: a PutItem requiring the stored version, in one transaction with moving the email item when the
 *       email changes;</li>
 *   <li>delete: the credential (at the version just read), its email item and every code key in one transaction,
 *       read and tried again if the credential changed in between;</li>
 *   <li>codes: PutItem (replacing), consistent GetItem and DeleteItem of the (user, purpose) item.</li>
 * </ul>
 */
public final class DynamoCredentialStore implements CredentialStore {
    public static final TableSpec TABLE = CredentialItems.TABLE;
    private static final int MAX_DELETE_ATTEMPTS = 5;
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCredentialStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Credential create(Credential credential) {
        Credential stored = stored(credential, 1);
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(CredentialItems.item(stored))
                            .conditionExpression("attribute_not_exists(userId)")).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(CredentialItems.emailItem(stored))
                            .conditionExpression("attribute_not_exists(userId)")).build()));
            return stored;
        } catch (TransactionCanceledException e) {
            if (failedConditions(e).isEmpty()) {
                throw e;
            }
            throw userExists();
        }
    }

    @Override
    public Optional<Credential> findByEmail(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        return read(CredentialItems.emailKey(lower)).map(CredentialItems::emailOf).flatMap(this::get)
                .filter(credential -> credential.email().equals(lower));
    }

    @Override
    public Optional<Credential> get(String userId) {
        return read(CredentialItems.key(userId)).filter(item -> item.containsKey(CredentialItems.PASSWORD_HASH))
                .map(CredentialItems::credential);
    }

    @Override
    public Credential update(Credential credential) {
        Credential stored = stored(credential, credential.version() + 1);
        Credential current = get(credential.userId())
                .orElseThrow(() -> DomainException.notFound("Credential not found"));
        if (current.version() != credential.version()) {
            throw new ConcurrentModification("Credential");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(CredentialItems.item(stored))
                .conditionExpression("attribute_exists(passwordHash) AND version = :expected")
                .expressionAttributeValues(Map.of(":expected", n(credential.version())))).build());
        if (!current.email().equals(stored.email())) {
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                    .key(CredentialItems.emailKey(current.email()))
                    .conditionExpression("emailOf = :user")
                    .expressionAttributeValues(Map.of(":user", s(stored.userId())))).build());
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(CredentialItems.emailItem(stored))
                    .conditionExpression("attribute_not_exists(userId)")).build());
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return stored;
        } catch (TransactionCanceledException e) {
            List<Integer> failed = failedConditions(e);
            if (failed.isEmpty()) {
                throw e;
            }
            if (failed.equals(List.of(2))) {
                throw userExists();
            }
            throw get(credential.userId()).isPresent() ? new ConcurrentModification("Credential")
                    : DomainException.notFound("Credential not found");
        }
    }

    @Override
    public void delete(String userId) {
        for (int attempt = 0; attempt < MAX_DELETE_ATTEMPTS; attempt++) {
            List<TransactWriteItem> writes = new ArrayList<>();
            get(userId).ifPresent(current -> {
                writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(CredentialItems.key(userId))
                        .conditionExpression("version = :expected")
                        .expressionAttributeValues(Map.of(":expected", n(current.version())))).build());
                writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table)
                        .key(CredentialItems.emailKey(current.email()))
                        .conditionExpression("emailOf = :user")
                        .expressionAttributeValues(Map.of(":user", s(userId)))).build());
            });
            for (Map<String, AttributeValue> codeKey : CredentialItems.codeKeys(userId)) {
                writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(codeKey)).build());
            }
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                if (failedConditions(e).isEmpty()) {
                    throw e;
                }
            }
        }
        throw new ConcurrentModification("Credential");
    }

    @Override
    public void saveCode(OneTimeCode code) {
        dynamo.putItem(b -> b.tableName(table).item(CredentialItems.codeItem(code)));
    }

    @Override
    public Optional<OneTimeCode> findCode(String userId, OneTimeCode.Purpose purpose) {
        return read(CredentialItems.codeKey(userId, purpose)).map(CredentialItems::code);
    }

    @Override
    public void deleteCode(String userId, OneTimeCode.Purpose purpose) {
        dynamo.deleteItem(b -> b.tableName(table).key(CredentialItems.codeKey(userId, purpose)));
    }

    private Optional<Map<String, AttributeValue>> read(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** The positions of the actions whose condition failed; empty when the transaction was cancelled otherwise. */
    private static List<Integer> failedConditions(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < reasons.size(); i++) {
            if (CONDITION_FAILED.equals(reasons.get(i).code())) {
                failed.add(i);
            }
        }
        return failed;
    }

    private static Credential stored(Credential c, long version) {
        return new Credential(c.userId(), c.email().toLowerCase(Locale.ROOT), c.passwordHash(), c.emailVerified(),
                c.failedAttempts(), c.lockedUntil(), version);
    }

    private static DomainException userExists() {
        return DomainException.conflict("UserExists", "User with this email already exists");
    }
}
