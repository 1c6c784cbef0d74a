package com.milkrun.catalog;

import com.milkrun.access.Access;
import com.milkrun.access.Capability;
import com.milkrun.access.Principal;
import com.milkrun.inventory.StockKey;
import com.milkrun.inventory.StockLevel;
import com.milkrun.inventory.StockStore;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Ids;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.shared.Retry;
import com.milkrun.shared.Validation;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The vendor portal: a vendor's own profile, products, prices and stock. Every call acts on the vendor the caller
 * owns; a vendor disabled by an administrator may still read its portal but change nothing.
 */
public final class VendorPortal {
    private final VendorStore vendors;
    private final ProductStore products;
    private final StockStore stock;
    private final ProductViews views;
    private final Clock clock;

    public VendorPortal(VendorStore vendors, ProductStore products, StockStore stock, Clock clock) {
        this.vendors = vendors;
        this.products = products;
        this.stock = stock;
        this.views = new ProductViews(stock);
        this.clock = clock;
    }

    /** The vendor a user owns, if any (shown on their profile). */
    public Optional<Vendor> vendorOwnedBy(String userId) {
        return vendors.findByOwner(userId);
    }

    public Vendor myVendor(Principal caller) {
        Access.require(caller, Capability.SELL);
        return vendors.findByOwner(caller.userId()).orElseThrow(() -> DomainException.notFound("Vendor profile not found"));
    }

    /**
     * Creates the caller's vendor profile (pending approval) or updates it.
     *
     * @throws DomainException 403 {@code VendorDisabled} when an administrator disabled the vendor (nothing changes)
     */
    public SavedVendor saveMyVendor(Principal caller, VendorInput input) {
        Access.require(caller, Capability.SELL);
        vendors.findByOwner(caller.userId()).ifPresent(CatalogRules::notDisabled);
        Validation check = new Validation();
        String name = check.text("name", input.name(), 100, "Name");
        String description = check.optionalText("description", input.description(), 1000, "Description");
        String email = check.email("contactEmail", input.contactEmail());
        String phone = check.optionalPhone("contactPhone", input.contactPhone());
        if (input.contactPhone() == null || input.contactPhone().isBlank()) {
            check.add("contactPhone", "Contact phone is required", "MISSING_CONTACT_PHONE");
        }
        List<String> pincodes = CatalogRules.pincodes(check, input.pincodes());
        check.throwIfInvalid();
        Optional<Vendor> existing = vendors.findByOwner(caller.userId());
        if (existing.isEmpty()) {
            var now = clock.instant();
            Vendor created = vendors.create(new Vendor(Ids.newId("vendor"), caller.userId(), name, description, email, phone,
                    pincodes, VendorStatus.PENDING, now, now, 0));
            return new SavedVendor(created, true);
        }
        Vendor updated = Retry.onConflict(() -> {
            Vendor current = CatalogRules.notDisabled(vendors.findByOwner(caller.userId()).orElseThrow());
            return vendors.update(current.withDetails(name, description, email, phone, pincodes, clock.instant()));
        });
        return new SavedVendor(updated, false);
    }

    public Page<ProductView> myProducts(Principal caller, PageRequest page) {
        Vendor vendor = myVendor(caller);
        return views.of(products.search(ProductQuery.ofVendor(vendor.vendorId()), page), id -> vendor);
    }

    public ProductView myProduct(Principal caller, String productId) {
        Vendor vendor = myVendor(caller);
        Product product = ownProduct(vendor, productId);
        return views.of(product, vendor.name());
    }

    public ProductView addProduct(Principal caller, ProductInput input) {
        Access.require(caller, Capability.SELL);
        Vendor vendor = CatalogRules.notDisabled(vendors.findByOwner(caller.userId()).orElseThrow(() -> DomainException.conflict(
                "VendorProfileRequired", "Create your vendor profile before adding products")));
        Validation check = new Validation();
        String name = check.text("name", input.name(), 100, "Name");
        Category category = CatalogRules.parseCategory(check, input.category()).orElse(null);
        if (input.category() == null || input.category().isBlank()) {
            check.add("category", "Category is required", "MISSING_CATEGORY");
        }
        String unit = check.text("unit", input.unit(), 30, "Unit");
        BigDecimal price = CatalogRules.price(check, input.price(), true);
        String description = check.optionalText("description", input.description(), 1000, "Description");
        String imageUrl = CatalogRules.imageUrl(check, input.imageUrl());
        int initialStock = input.stock() == null ? 0 : CatalogRules.stockValue(check, input.stock());
        check.throwIfInvalid();
        var now = clock.instant();
        Product product = products.create(new Product(Ids.newId("prod"), vendor.vendorId(), name, category, unit, price,
                description, imageUrl, input.active() == null || input.active(), now, now, 0));
        StockLevel level = stock.setStock(new StockKey(vendor.vendorId(), product.productId()), initialStock);
        return new ProductView(product, vendor.name(), level);
    }

    public ProductView updateProduct(Principal caller, String productId, ProductInput input) {
        Vendor vendor = CatalogRules.notDisabled(myVendor(caller));
        ownProduct(vendor, productId);
        Validation check = new Validation();
        String name = input.name() == null ? null : check.text("name", input.name(), 100, "Name");
        Category category = input.category() == null ? null : CatalogRules.parseCategory(check, input.category()).orElse(null);
        String unit = input.unit() == null ? null : check.text("unit", input.unit(), 30, "Unit");
        BigDecimal price = CatalogRules.price(check, input.price(), false);
        String description = input.description() == null ? null : check.optionalText("description", input.description(), 1000, "Description");
        String imageUrl = input.imageUrl() == null ? null : CatalogRules.imageUrl(check, input.imageUrl());
        if (input.stock() != null) {
            check.add("stock", "Set stock with PUT /vendor/products/{productId}/stock", "STOCK_NOT_EDITABLE_HERE");
        }
        check.throwIfInvalid();
        Product saved = Retry.onConflict(() -> {
            Product p = ownProduct(vendor, productId);
            return products.update(p.withChanges(or(name, p.name()), or(category, p.category()), or(unit, p.unit()),
                    or(price, p.price()), or(description, p.description()), or(imageUrl, p.imageUrl()),
                    input.active() == null ? p.active() : input.active(), clock.instant()));
        });
        return views.of(saved, vendor.name());
    }

    public StockLevel setStock(Principal caller, String productId, Integer units) {
        Vendor vendor = CatalogRules.notDisabled(myVendor(caller));
        ownProduct(vendor, productId);
        Validation check = new Validation();
        if (units == null) {
            check.add("stock", "Stock is required", "MISSING_STOCK");
        }
        int value = units == null ? 0 : CatalogRules.stockValue(check, units);
        check.throwIfInvalid();
        return stock.setStock(new StockKey(vendor.vendorId(), productId), value);
    }

    private Product ownProduct(Vendor vendor, String productId) {
        return products.get(productId).filter(p -> p.vendorId().equals(vendor.vendorId()))
                .orElseThrow(CatalogRules::productNotFound);
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
