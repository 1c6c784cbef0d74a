package com.milkrun.store.sql.catalog;

import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorStatus;
import com.milkrun.store.sql.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The columns of {@code vendors} and {@code vendor_pincodes}, and how their joined rows become vendors. */
final class VendorRows {
    static final String VENDOR_ID = "vendor_id";
    static final String OWNER_USER_ID = "owner_user_id";
    static final String NAME = "name";
    static final String DESCRIPTION = "description";
    static final String CONTACT_EMAIL = "contact_email";
    static final String CONTACT_PHONE = "contact_phone";
    static final String STATUS = "status";
    static final String CREATED_AT = "created_at";
    static final String UPDATED_AT = "updated_at";
    static final String VERSION = "version";
    static final String PINCODE = "pincode";

    /** The select list of {@code vendors v LEFT JOIN vendor_pincodes p}. */
    static final String JOINED_COLUMNS = "v.vendor_id, v.owner_user_id, v.name, v.description, v.contact_email,"
            + " v.contact_phone, v.status, v.created_at, v.updated_at, v.version, p.pincode";

    /** One row of vendors joined with pincodes: the vendor, and one pincode it serves or null. */
    record Joined(Vendor vendor, String pincode) {
    }

    private VendorRows() {
    }

    static Joined mapJoined(ResultSet row) throws SQLException {
        Vendor vendor = new Vendor(row.getString(VENDOR_ID), row.getString(OWNER_USER_ID), row.getString(NAME),
                row.getString(DESCRIPTION), row.getString(CONTACT_EMAIL), row.getString(CONTACT_PHONE), List.of(),
                status(row.getString(STATUS)), SqlTime.read(row, CREATED_AT), SqlTime.read(row, UPDATED_AT),
                row.getLong(VERSION));
        return new Joined(vendor, row.getString(PINCODE));
    }

    /** Folds joined rows, ordered by vendor and pincode position, into vendors with their pincodes. */
    static List<Vendor> fold(List<Joined> rows) {
        List<Vendor> vendors = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            Vendor vendor = rows.get(i).vendor();
            List<String> pincodes = new ArrayList<>();
            while (i < rows.size() && rows.get(i).vendor().vendorId().equals(vendor.vendorId())) {
                if (rows.get(i).pincode() != null) {
                    pincodes.add(rows.get(i).pincode());
                }
                i++;
            }
            vendors.add(stored(vendor, pincodes, vendor.version()));
        }
        return vendors;
    }

    /** The vendor as the database will hold it: times to the microsecond, the given version. */
    static Vendor stored(Vendor v, List<String> pincodes, long version) {
        return new Vendor(v.vendorId(), v.ownerUserId(), v.name(), v.description(), v.contactEmail(), v.contactPhone(),
                pincodes, v.status(), SqlTime.micros(v.createdAt()), SqlTime.micros(v.updatedAt()), version);
    }

    private static VendorStatus status(String wireName) {
        return VendorStatus.fromWireName(wireName)
                .orElseThrow(() -> new IllegalStateException("unknown status in table vendors: " + wireName));
    }
}
