package com.milkrun.backoffice;

import com.milkrun.access.Access;
import com.milkrun.access.Capability;
import com.milkrun.access.Principal;
import com.milkrun.accounts.UserStore;
import com.milkrun.catalog.Product;
import com.milkrun.catalog.ProductQuery;
import com.milkrun.catalog.ProductStore;
import com.milkrun.catalog.ProductView;
import com.milkrun.catalog.ProductViews;
import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorQuery;
import com.milkrun.catalog.VendorStatus;
import com.milkrun.catalog.VendorStore;
import com.milkrun.inventory.StockStore;
import com.milkrun.notifications.Notifications;
import com.milkrun.shared.Ids;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.shared.ValidationException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The catalog as the back office sees it: every vendor and product, and approving or disabling vendors. */
public final class CatalogAdministration {
    private final VendorStore vendors;
    private final ProductStore products;
    private final ProductViews views;
    private final VendorStatuses statuses;

    public CatalogAdministration(VendorStore vendors, ProductStore products, StockStore stock, UserStore users,
                                 Notifications notifications, Clock clock) {
        this.vendors = vendors;
        this.products = products;
        this.views = new ProductViews(stock);
        this.statuses = new VendorStatuses(vendors, users, notifications, clock);
    }

    public Page<Vendor> allVendors(Principal caller, String status, PageRequest page) {
        Access.require(caller, Capability.READ_CATALOG_BACKOFFICE);
        Optional<VendorStatus> wanted = Optional.empty();
        if (status != null && !status.isBlank()) {
            wanted = Optional.of(VendorStatus.fromWireName(status).orElseThrow(() -> ValidationException.of(
                    "status", "Status must be one of Pending, Approved, Disabled", "INVALID_STATUS")));
        }
        return vendors.list(new VendorQuery(wanted, Optional.empty()), page);
    }

    /** Lists the vendor's active products in the shop; its owner is told. */
    public Vendor approveVendor(Principal caller, String vendorId) {
        return changeStatus(caller, vendorId, VendorStatus.APPROVED);
    }

    /** Takes the vendor's products out of the shop and freezes its portal; its owner is told. */
    public Vendor disableVendor(Principal caller, String vendorId) {
        return changeStatus(caller, vendorId, VendorStatus.DISABLED);
    }

    public Page<ProductView> allProducts(Principal caller, String vendorId, String text, PageRequest page) {
        Access.require(caller, Capability.READ_CATALOG_BACKOFFICE);
        if (vendorId != null && !vendorId.isBlank() && !Ids.VENDOR_ID.matcher(vendorId).matches()) {
            throw ValidationException.of("vendorId", "Invalid vendor ID format", "INVALID_VENDOR_ID");
        }
        Optional<Set<String>> vendorIds = vendorId == null || vendorId.isBlank() ? Optional.empty() : Optional.of(Set.of(vendorId));
        Optional<String> search = text == null || text.isBlank() ? Optional.empty() : Optional.of(text.strip());
        Page<Product> found = products.search(new ProductQuery(search, Optional.empty(), vendorIds, false), page);
        Map<String, Vendor> byId = new LinkedHashMap<>();
        for (Product p : found.items()) {
            byId.computeIfAbsent(p.vendorId(), id -> vendors.get(id).orElse(null));
        }
        return views.of(found, byId::get);
    }

    private Vendor changeStatus(Principal caller, String vendorId, VendorStatus status) {
        Access.require(caller, Capability.ADMINISTER_VENDORS);
        return statuses.change(vendorId, status);
    }
}
