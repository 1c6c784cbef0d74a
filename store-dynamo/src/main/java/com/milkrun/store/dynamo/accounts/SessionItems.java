package com.milkrun.store.dynamo.accounts;

import static com.milkrun.store.dynamo.Attr.s;
import static com.milkrun.store.dynamo.Attr.time;

import com.milkrun.accounts.RefreshSession;
import com.milkrun.store.dynamo.Attr;
import com.milkrun.store.dynamo.TableSpec;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Refresh sessions as items of the Sessions table, partition key {@code pk}, sort key {@code sk}, no index. Each
 * session is three items, written in one transaction:
 * <ul>
 *   <li>the session, {@code pk = "token#<tokenHash>"}, {@code sk = "session"}: every field and the status, so that
 *       finding a session is one GetItem and a transition one conditional UpdateItem;</li>
 *   <li>its family entry, {@code pk = "family#<familyId>"}, {@code sk = <tokenHash>};</li>
 *   <li>its user entry, {@code pk = "user#<userId>"}, {@code sk = <tokenHash>}.</li>
 * </ul>
 * The entries never change. They list the token hashes of a family or a user in one partition, which a strongly
 * consistent Query reads, so a revocation sees every session created before it, however recently.
 */
final class SessionItems {
    static final TableSpec TABLE = TableSpec.of("Sessions", "SESSIONS_TABLE", "pk", "sk");
    static final String SESSION = "session";

    private SessionItems() {
    }

    static Map<String, AttributeValue> key(String tokenHash) {
        return Map.of("pk", s("token#" + tokenHash), "sk", s(SESSION));
    }

    static String familyPartition(String familyId) {
        return "family#" + familyId;
    }

    static String userPartition(String userId) {
        return "user#" + userId;
    }

    static Map<String, AttributeValue> familyEntry(RefreshSession session) {
        return Map.of("pk", s(familyPartition(session.familyId())), "sk", s(session.tokenHash()));
    }

    static Map<String, AttributeValue> userEntry(RefreshSession session) {
        return Map.of("pk", s(userPartition(session.userId())), "sk", s(session.tokenHash()));
    }

    /** The token hash an entry lists. */
    static String entryTokenHash(Map<String, AttributeValue> entry) {
        return Attr.string(entry, "sk");
    }

    static Map<String, AttributeValue> item(RefreshSession session) {
        Map<String, AttributeValue> item = new HashMap<>(key(session.tokenHash()));
        item.put("tokenHash", s(session.tokenHash()));
        item.put("userId", s(session.userId()));
        item.put("familyId", s(session.familyId()));
        item.put("issuedAt", time(session.issuedAt()));
        item.put("expiresAt", time(session.expiresAt()));
        item.put("status", s(session.status().name()));
        return item;
    }

    static RefreshSession session(Map<String, AttributeValue> item) {
        return new RefreshSession(Attr.string(item, "tokenHash"), Attr.string(item, "userId"),
                Attr.string(item, "familyId"), Attr.time(item, "issuedAt"), Attr.time(item, "expiresAt"),
                RefreshSession.Status.valueOf(Attr.string(item, "status")));
    }
}
