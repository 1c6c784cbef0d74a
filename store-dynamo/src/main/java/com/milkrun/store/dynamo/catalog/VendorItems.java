package com.milkrun.store.dynamo.catalog;

import static com.milkrun.store.dynamo.Attr.n;
import static com.milkrun.store.dynamo.Attr.s;
import static com.milkrun.store.dynamo.Attr.time;

import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorStatus;
import com.milkrun.store.dynamo.Attr;
import com.milkrun.store.dynamo.Names;
import com.milkrun.store.dynamo.TableSpec;
import com.milkrun.store.dynamo.TableSpec.IndexSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Vendors as items of the Vendors table, key {@code vendorId}. Beside each vendor item, an owner item with key
 * {@code vendorId = "owner#<userId>"} names the vendor its user owns: written in the same transaction as the vendor,
 * it makes "one vendor per owner" a condition ({@code attribute_not_exists}) and "the vendor of this owner" a strongly
 * consistent read. Index {@code listing-index}: every vendor item (owner items have no {@code listing}) under
 * {@code listing = "vendor"}, sorted by {@code sortKey} (lower-case name, then id). Pincodes are a list, in order.
 */
final class VendorItems {
    static final TableSpec TABLE = TableSpec.of("Vendors", "VENDORS_TABLE", "vendorId", null,
            IndexSpec.of("listing-index", "listing", "sortKey"));
    static final String LISTING = "vendor";

    private VendorItems() {
    }

    static Map<String, AttributeValue> key(String vendorId) {
        return Map.of("vendorId", s(vendorId));
    }

    static Map<String, AttributeValue> ownerKey(String ownerUserId) {
        return Map.of("vendorId", s("owner#" + ownerUserId));
    }

    static Map<String, AttributeValue> ownerItem(Vendor vendor) {
        return Map.of("vendorId", s("owner#" + vendor.ownerUserId()), "ownedVendorId", s(vendor.vendorId()));
    }

    static String ownedVendorId(Map<String, AttributeValue> ownerItem) {
        return Attr.string(ownerItem, "ownedVendorId");
    }

    static Map<String, AttributeValue> item(Vendor v) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("vendorId", s(v.vendorId()));
        item.put("ownerUserId", s(v.ownerUserId()));
        item.put("name", s(v.name()));
        item.put("description", s(v.description()));
        item.put("contactEmail", s(v.contactEmail()));
        item.put("contactPhone", s(v.contactPhone()));
        item.put("pincodes", AttributeValue.fromL(v.pincodes().stream().map(AttributeValue::fromS).toList()));
        item.put("status", s(v.status().wireName()));
        item.put("createdAt", time(v.createdAt()));
        item.put("updatedAt", time(v.updatedAt()));
        item.put("version", n(v.version()));
        item.put("listing", s(LISTING));
        item.put("sortKey", s(Names.sortKey(v.name(), v.vendorId())));
        return item;
    }

    static Vendor vendor(Map<String, AttributeValue> item) {
        String status = Attr.string(item, "status");
        List<String> pincodes = item.get("pincodes").l().stream().map(AttributeValue::s).toList();
        return new Vendor(Attr.string(item, "vendorId"), Attr.string(item, "ownerUserId"), Attr.string(item, "name"),
                Attr.string(item, "description"), Attr.string(item, "contactEmail"), Attr.string(item, "contactPhone"),
                pincodes, VendorStatus.fromWireName(status).orElseThrow(() -> new IllegalStateException("unknown status " + status)),
                Attr.time(item, "createdAt"), Attr.time(item, "updatedAt"), Attr.longValue(item, "version"));
    }
}
