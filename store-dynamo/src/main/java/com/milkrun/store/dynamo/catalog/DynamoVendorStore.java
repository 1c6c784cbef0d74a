package com.milkrun.store.dynamo.catalog;

import static com.milkrun.store.dynamo.Attr.n;
import static com.milkrun.store.dynamo.Attr.s;

import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorQuery;
import com.milkrun.catalog.VendorStatus;
import com.milkrun.catalog.VendorStore;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.store.dynamo.Keyset;
import com.milkrun.store.dynamo.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Vendors in the Vendors table ({@link VendorItems}). Creating writes the vendor and its owner item in one
 * transaction, each only if absent; updating requires the stored version and, when the owner changes, moves the owner
 * item in the same transaction. Lists query {@code listing-index} by name, filtering by status in DynamoDB and by
 * pincode here.
 */
public final class DynamoVendorStore implements VendorStore {
    public static final TableSpec TABLE = VendorItems.TABLE;
    private static final Keyset<Vendor> BY_NAME = new Keyset<>("vendors", Optional.of("listing-index"), "listing",
            List.of("listing", "sortKey", "vendorId"), false, VendorItems::vendor);

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoVendorStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Vendor create(Vendor vendor) {
        Vendor stored = withVersion(vendor, 1);
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(VendorItems.item(stored))
                            .conditionExpression("attribute_not_exists(vendorId)")).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(VendorItems.ownerItem(stored))
                            .conditionExpression("attribute_not_exists(vendorId)")).build()));
            return stored;
        } catch (TransactionCanceledException e) {
            throw vendorExists();
        }
    }

    @Override
    public Optional<Vendor> get(String vendorId) {
        return read(VendorItems.key(vendorId)).filter(item -> item.containsKey("listing")).map(VendorItems::vendor);
    }

    @Override
    public Optional<Vendor> findByOwner(String ownerUserId) {
        return read(VendorItems.ownerKey(ownerUserId)).map(VendorItems::ownedVendorId).flatMap(this::get)
                .filter(vendor -> vendor.ownerUserId().equals(ownerUserId));
    }

    @Override
    public Vendor update(Vendor vendor) {
        Vendor stored = withVersion(vendor, vendor.version() + 1);
        Optional<Vendor> current = get(vendor.vendorId());
        if (current.isEmpty()) {
            throw DomainException.notFound("Vendor not found");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(VendorItems.item(stored))
                .conditionExpression("attribute_exists(listing) AND version = :expected")
                .expressionAttributeValues(Map.of(":expected", n(vendor.version())))).build());
        String previousOwner = current.get().ownerUserId();
        if (!previousOwner.equals(stored.ownerUserId())) {
            writes.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(VendorItems.ownerKey(previousOwner))
                    .conditionExpression("ownedVendorId = :vendor")
                    .expressionAttributeValues(Map.of(":vendor", s(stored.vendorId())))).build());
            writes.add(TransactWriteItem.builder().put(p -> p.tableName(table).item(VendorItems.ownerItem(stored))
                    .conditionExpression("attribute_not_exists(vendorId)")).build());
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return stored;
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (reasons.size() > 2 && "ConditionalCheckFailed".equals(reasons.get(2).code())) {
                throw vendorExists();
            }
            throw get(vendor.vendorId()).isPresent() ? new ConcurrentModification("Vendor")
                    : DomainException.notFound("Vendor not found");
        }
    }

    @Override
    public Page<Vendor> list(VendorQuery query, PageRequest page) {
        String filterKey = "status=" + query.status().map(VendorStatus::wireName).orElse("")
                + "\npincode=" + query.pincode().orElse("");
        Optional<String> expression = query.status().map(status -> "#status = :status");
        Map<String, String> names = query.status().isPresent() ? Map.of("#status", "status") : Map.of();
        Map<String, AttributeValue> values = query.status().map(status -> Map.of(":status", s(status.wireName())))
                .orElse(Map.of());
        Keyset.Filter filter = new Keyset.Filter(expression, names, values, item -> query.pincode()
                .map(pincode -> item.get("pincodes").l().stream().anyMatch(p -> pincode.equals(p.s()))).orElse(true));
        return BY_NAME.page(dynamo, table, VendorItems.LISTING, filter, filterKey, page);
    }

    private Optional<Map<String, AttributeValue>> read(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).key(key).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private static Vendor withVersion(Vendor v, long version) {
        return new Vendor(v.vendorId(), v.ownerUserId(), v.name(), v.description(), v.contactEmail(), v.contactPhone(),
                v.pincodes(), v.status(), v.createdAt(), v.updatedAt(), version);
    }

    private static DomainException vendorExists() {
        return DomainException.conflict("VendorExists", "This user already has a vendor profile");
    }
}
