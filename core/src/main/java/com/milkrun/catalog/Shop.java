package com.milkrun.catalog;

import com.milkrun.inventory.StockStore;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Ids;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.shared.Validation;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The public shop: browsing and searching products, product pages, the vendors delivering to a pincode. Anyone may
 * use it, signed in or not; it only ever shows active products of approved vendors.
 */
public final class Shop {
    private static final int VENDOR_SCAN_PAGE = 100;

    private final VendorStore vendors;
    private final ProductStore products;
    private final ProductViews views;

    public Shop(VendorStore vendors, ProductStore products, StockStore stock) {
        this.vendors = vendors;
        this.products = products;
        this.views = new ProductViews(stock);
    }

    public List<Category> categories() {
        return List.of(Category.values());
    }

    /**
     * Active products of approved vendors, optionally narrowed by text, category, vendor and the pincode the customer
     * lives in (only vendors delivering there).
     */
    public Page<ProductView> browse(String text, String category, String vendorId, String pincode, PageRequest page) {
        Validation check = new Validation();
        Optional<Category> cat = CatalogRules.parseCategory(check, category);
        if (vendorId != null && !vendorId.isBlank() && !Ids.VENDOR_ID.matcher(vendorId).matches()) {
            check.add("vendorId", "Invalid vendor ID format", "INVALID_VENDOR_ID");
        }
        if (pincode != null && !pincode.isBlank()) {
            check.pincode("pincode", pincode);
        }
        check.throwIfInvalid();
        Map<String, Vendor> listed = approvedVendors(CatalogRules.blankToEmpty(pincode));
        Set<String> vendorIds = new LinkedHashSet<>(listed.keySet());
        if (vendorId != null && !vendorId.isBlank()) {
            vendorIds.retainAll(Set.of(vendorId));
        }
        ProductQuery query = new ProductQuery(CatalogRules.blankToEmpty(text), cat, Optional.of(vendorIds), true);
        return views.of(products.search(query, page), listed::get);
    }

    /** A product page; products that are not listed answer "not found". */
    public ProductView product(String productId) {
        Product product = products.get(productId).filter(Product::active).orElseThrow(CatalogRules::productNotFound);
        Vendor vendor = vendors.get(product.vendorId()).filter(Vendor::isApproved).orElseThrow(CatalogRules::productNotFound);
        return views.of(product, vendor.name());
    }

    public Page<Vendor> listedVendors(String pincode, PageRequest page) {
        if (pincode != null && !pincode.isBlank()) {
            Validation check = new Validation();
            check.pincode("pincode", pincode);
            check.throwIfInvalid();
        }
        return vendors.list(new VendorQuery(Optional.of(VendorStatus.APPROVED), CatalogRules.blankToEmpty(pincode)), page);
    }

    public Vendor listedVendor(String vendorId) {
        return vendors.get(vendorId).filter(Vendor::isApproved).orElseThrow(() -> DomainException.notFound("Vendor not found"));
    }

    private Map<String, Vendor> approvedVendors(Optional<String> pincode) {
        Map<String, Vendor> byId = new LinkedHashMap<>();
        PageRequest page = PageRequest.first(VENDOR_SCAN_PAGE);
        while (true) {
            Page<Vendor> batch = vendors.list(new VendorQuery(Optional.of(VendorStatus.APPROVED), pincode), page);
            batch.items().forEach(v -> byId.put(v.vendorId(), v));
            if (batch.nextToken().isEmpty()) {
                return byId;
            }
            page = new PageRequest(VENDOR_SCAN_PAGE, batch.nextToken().get());
        }
    }
}
