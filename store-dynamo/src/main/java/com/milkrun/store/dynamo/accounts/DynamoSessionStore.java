package com.milkrun.store.dynamo.accounts;

import static com.milkrun.store.dynamo.Attr.s;

import com.milkrun.accounts.RefreshSession;
import com.milkrun.accounts.SessionStore;
import com.milkrun.shared.DomainException;
import com.milkrun.store.dynamo.TableSpec;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Refresh sessions in the Sessions table ({@link SessionItems}). Access patterns:
 * <ul>
 *   <li>create: the session item (only if absent, which makes token hashes unique) and its family and user entries
 *       in one transaction;</li>
 *   <li>find: a strongly consistent GetItem of the session item;</li>
 *   <li>transition: one UpdateItem on condition {@code status = :from}, so exactly one of racing callers wins;</li>
 *   <li>revoke a family or a user: a strongly consistent Query of its entries, then one UpdateItem per session on
 *       condition that it is not revoked yet.</li>
 * </ul>
 * The entries stand where GSIs on {@code familyId} and {@code userId} would: a GSI is only eventually consistent, so
 * a revocation right after a refresh (token reuse detected, a password reset) could miss the newest session, and a
 * missed session is a stolen token that stays valid.
 */
public final class DynamoSessionStore implements SessionStore {
    public static final TableSpec TABLE = SessionItems.TABLE;
    private static final String REVOKED = RefreshSession.Status.REVOKED.name();

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoSessionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void create(RefreshSession session) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(SessionItems.item(session))
                            .conditionExpression("attribute_not_exists(pk)")).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(SessionItems.familyEntry(session)))
                            .build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(SessionItems.userEntry(session)))
                            .build()));
        } catch (TransactionCanceledException e) {
            if (!e.hasCancellationReasons() || e.cancellationReasons().isEmpty()
                    || !conditionFailed(e.cancellationReasons().get(0))) {
                throw e;
            }
            throw DomainException.conflict("Conflict", "A session with this token already exists");
        }
    }

    @Override
    public Optional<RefreshSession> find(String tokenHash) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(SessionItems.key(tokenHash))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SessionItems.session(item));
    }

    @Override
    public boolean transition(String tokenHash, RefreshSession.Status from, RefreshSession.Status to) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(SessionItems.key(tokenHash))
                    .updateExpression("SET #status = :to")
                    .conditionExpression("attribute_exists(pk) AND #status = :from")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":to", s(to.name()), ":from", s(from.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void revokeFamily(String familyId) {
        revokeListedIn(SessionItems.familyPartition(familyId));
    }

    @Override
    public void revokeAllOf(String userId) {
        revokeListedIn(SessionItems.userPartition(userId));
    }

    private void revokeListedIn(String partition) {
        QueryRequest entries = QueryRequest.builder().tableName(table).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", s(partition))).projectionExpression("sk")
                .consistentRead(true).build();
        for (Map<String, AttributeValue> entry : dynamo.queryPaginator(entries).items()) {
            revoke(SessionItems.entryTokenHash(entry));
        }
    }

    private void revoke(String tokenHash) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(SessionItems.key(tokenHash))
                    .updateExpression("SET #status = :revoked")
                    .conditionExpression("attribute_exists(pk) AND #status <> :revoked")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":revoked", s(REVOKED))));
        } catch (ConditionalCheckFailedException e) {
            // already revoked: nothing to do
        }
    }

    private static boolean conditionFailed(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }
}
