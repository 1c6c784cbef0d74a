package com.milkrun.store.sql.catalog;

import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorQuery;
import com.milkrun.catalog.VendorStatus;
import com.milkrun.catalog.VendorStore;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.store.sql.Jdbc;
import com.milkrun.store.sql.SqlKeyset;
import com.milkrun.store.sql.UniqueViolation;
import com.milkrun.store.sql.Where;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Vendors in {@code vendors} (one per owner), the pincodes they serve in {@code vendor_pincodes} (ordered by
 * position). Written in one transaction, read in one statement.
 */
public final class SqlVendorStore implements VendorStore {
    private static final SqlKeyset<Vendor> BY_NAME =
            SqlKeyset.byNameKey("vendors", "name_key", "vendor_id", Vendor::name, Vendor::vendorId);
    private static final String SELECT_JOINED = "SELECT " + VendorRows.JOINED_COLUMNS
            + " FROM vendors v LEFT JOIN vendor_pincodes p ON p.vendor_id = v.vendor_id";

    private final Jdbc jdbc;

    public SqlVendorStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Vendor create(Vendor vendor) {
        Vendor stored = VendorRows.stored(vendor, vendor.pincodes(), 1);
        try {
            return jdbc.inTransaction(tx -> {
                tx.update("INSERT INTO vendors (vendor_id, owner_user_id, name, name_key, description, contact_email,"
                                + " contact_phone, status, created_at, updated_at, version)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        stored.vendorId(), stored.ownerUserId(), stored.name(), SqlKeyset.nameKey(stored.name()),
                        stored.description(), stored.contactEmail(), stored.contactPhone(), stored.status().wireName(),
                        stored.createdAt(), stored.updatedAt(), stored.version());
                insertPincodes(tx, stored);
                return stored;
            });
        } catch (UniqueViolation e) {
            throw vendorExists();
        }
    }

    @Override
    public Optional<Vendor> get(String vendorId) {
        return one(SELECT_JOINED + " WHERE v.vendor_id = ? ORDER BY p.position", vendorId);
    }

    /** The vendors of these ids that exist, as a read to send with others ({@link Jdbc#queryAll}); ids not empty. */
    public Jdbc.Read<Map<String, Vendor>> readAll(Collection<String> vendorIds) {
        List<String> ids = List.copyOf(new TreeSet<>(vendorIds));
        return Jdbc.Read.rows(SELECT_JOINED + " WHERE v.vendor_id IN (" + Where.placeholders(ids.size())
                + ") ORDER BY v.vendor_id, p.position", VendorRows::mapJoined, ids).then(rows -> {
                    Map<String, Vendor> found = new LinkedHashMap<>();
                    VendorRows.fold(rows).forEach(v -> found.put(v.vendorId(), v));
                    return found;
                });
    }

    @Override
    public Optional<Vendor> findByOwner(String ownerUserId) {
        return one(SELECT_JOINED + " WHERE v.owner_user_id = ? ORDER BY p.position", ownerUserId);
    }

    @Override
    public Vendor update(Vendor vendor) {
        Vendor stored = VendorRows.stored(vendor, vendor.pincodes(), vendor.version() + 1);
        try {
            return jdbc.inTransaction(tx -> {
                int changed = tx.update("UPDATE vendors SET owner_user_id = ?, name = ?, name_key = ?, description = ?,"
                                + " contact_email = ?, contact_phone = ?, status = ?, created_at = ?, updated_at = ?,"
                                + " version = ? WHERE vendor_id = ? AND version = ?",
                        stored.ownerUserId(), stored.name(), SqlKeyset.nameKey(stored.name()), stored.description(),
                        stored.contactEmail(), stored.contactPhone(), stored.status().wireName(), stored.createdAt(),
                        stored.updatedAt(), stored.version(), stored.vendorId(), vendor.version());
                if (changed == 0) {
                    throw missingOrStale(tx, vendor.vendorId());
                }
                tx.update("DELETE FROM vendor_pincodes WHERE vendor_id = ?", stored.vendorId());
                insertPincodes(tx, stored);
                return stored;
            });
        } catch (UniqueViolation e) {
            throw vendorExists();
        }
    }

    @Override
    public Page<Vendor> list(VendorQuery query, PageRequest page) {
        String filter = "status=" + query.status().map(VendorStatus::wireName).orElse("")
                + "\npincode=" + query.pincode().orElse("");
        Where where = new Where();
        query.status().ifPresent(status -> where.and("v.status = ?", status.wireName()));
        query.pincode().ifPresent(pincode -> where.and(
                "EXISTS (SELECT 1 FROM vendor_pincodes s WHERE s.vendor_id = v.vendor_id AND s.pincode = ?)", pincode));
        BY_NAME.continueAfter(where, filter, page);
        String sql = "SELECT " + VendorRows.JOINED_COLUMNS + " FROM (SELECT * FROM vendors v" + where.sql()
                + BY_NAME.orderAndLimit() + ") v LEFT JOIN vendor_pincodes p ON p.vendor_id = v.vendor_id"
                + " ORDER BY v.name_key, v.vendor_id, p.position";
        List<Vendor> fetched = VendorRows.fold(jdbc.query(sql, VendorRows::mapJoined, where.params(BY_NAME.fetchSize(page))));
        return BY_NAME.page(fetched, filter, page);
    }

    private Optional<Vendor> one(String sql, Object... params) {
        return VendorRows.fold(jdbc.query(sql, VendorRows::mapJoined, params)).stream().findFirst();
    }

    private static void insertPincodes(Jdbc tx, Vendor vendor) {
        List<List<?>> rows = new ArrayList<>();
        for (int position = 0; position < vendor.pincodes().size(); position++) {
            rows.add(List.of(vendor.vendorId(), position, vendor.pincodes().get(position)));
        }
        tx.batch("INSERT INTO vendor_pincodes (vendor_id, position, pincode) VALUES (?, ?, ?)", rows);
    }

    private static DomainException missingOrStale(Jdbc tx, String vendorId) {
        boolean exists = tx.queryOne("SELECT version FROM vendors WHERE vendor_id = ?", row -> row.getLong(1), vendorId)
                .isPresent();
        return exists ? new ConcurrentModification("Vendor") : DomainException.notFound("Vendor not found");
    }

    private static DomainException vendorExists() {
        return DomainException.conflict("VendorExists", "This user already has a vendor profile");
    }
}
