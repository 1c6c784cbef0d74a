package com.milkrun.catalog;

import com.milkrun.access.Access;
import com.milkrun.access.Capability;
import com.milkrun.access.Principal;
import com.milkrun.accounts.UserStore;
import com.milkrun.inventory.StockKey;
import com.milkrun.inventory.StockLevel;
import com.milkrun.inventory.StockStore;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.Notifications;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import com.milkrun.shared.Ids;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.shared.Retry;
import com.milkrun.shared.Validation;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The catalog use cases: the public shop (browse, search, product and vendor pages), the vendor portal (own
 * profile, products, prices and stock) and the back office (all vendors and products, vendor approval).
 */
public final class CatalogService {
    public static final int MAX_STOCK = 1_000_000;
    public static final BigDecimal MAX_PRICE = new BigDecimal("100000.00");
    private static final Pattern IMAGE_URL = Pattern.compile("^(https?://[^\\s]+|/[^\\s]*)$");
    private static final int VENDOR_SCAN_PAGE = 100;

    private final VendorStore vendors;
    private final ProductStore products;
    private final StockStore stock;
    private final UserStore users;
    private final Notifications notifications;
    private final Clock clock;

    public CatalogService(VendorStore vendors, ProductStore products, StockStore stock, UserStore users,
                          Notifications notifications, Clock clock) {
        this.vendors = vendors;
        this.products = products;
        this.stock = stock;
        this.users = users;
        this.notifications = notifications;
        this.clock = clock;
    }

    public List<Category> categories() {
        return List.of(Category.values());
    }

    /**
     * The public shop: active products of approved vendors, optionally narrowed by text, category, vendor and the
     * pincode the customer lives in (only vendors delivering there).
     */
    public Page<ProductView> browse(String text, String category, String vendorId, String pincode, PageRequest page) {
        Validation check = new Validation();
        Optional<Category> cat = parseCategory(check, category);
        if (vendorId != null && !vendorId.isBlank() && !Ids.VENDOR_ID.matcher(vendorId).matches()) {
            check.add("vendorId", "Invalid vendor ID format", "INVALID_VENDOR_ID");
        }
        if (pincode != null && !pincode.isBlank()) {
            check.pincode("pincode", pincode);
        }
        check.throwIfInvalid();
        Map<String, Vendor> listed = approvedVendors(blankToEmpty(pincode));
        Set<String> vendorIds = new LinkedHashSet<>(listed.keySet());
        if (vendorId != null && !vendorId.isBlank()) {
            vendorIds.retainAll(Set.of(vendorId));
        }
        ProductQuery query = new ProductQuery(blankToEmpty(text), cat, Optional.of(vendorIds), true);
        return views(products.search(query, page), listed::get);
    }

    /** A product page; products that are not listed answer "not found". */
    public ProductView product(String productId) {
        Product product = products.get(productId).filter(Product::active).orElseThrow(CatalogService::productNotFound);
        Vendor vendor = vendors.get(product.vendorId()).filter(Vendor::isApproved).orElseThrow(CatalogService::productNotFound);
        return view(product, vendor.name());
    }

    public Page<Vendor> listedVendors(String pincode, PageRequest page) {
        if (pincode != null && !pincode.isBlank()) {
            Validation check = new Validation();
            check.pincode("pincode", pincode);
            check.throwIfInvalid();
        }
        return vendors.list(new VendorQuery(Optional.of(VendorStatus.APPROVED), blankToEmpty(pincode)), page);
    }

    public Vendor listedVendor(String vendorId) {
        return vendors.get(vendorId).filter(Vendor::isApproved).orElseThrow(() -> DomainException.notFound("Vendor not found"));
    }

    /** The vendor a user owns, if any (shown on their profile). */
    public Optional<Vendor> vendorOwnedBy(String userId) {
        return vendors.findByOwner(userId);
    }

    // ---- vendor portal -------------------------------------------------------------------------------------

    public Vendor myVendor(Principal caller) {
        Access.require(caller, Capability.SELL);
        return vendors.findByOwner(caller.userId()).orElseThrow(() -> DomainException.notFound("Vendor profile not found"));
    }

    /** Creates the caller's vendor profile (pending approval) or updates it. */
    public SavedVendor saveMyVendor(Principal caller, VendorInput input) {
        Access.require(caller, Capability.SELL);
        Validation check = new Validation();
        String name = check.text("name", input.name(), 100, "Name");
        String description = check.optionalText("description", input.description(), 1000, "Description");
        String email = check.email("contactEmail", input.contactEmail());
        String phone = check.optionalPhone("contactPhone", input.contactPhone());
        if (input.contactPhone() == null || input.contactPhone().isBlank()) {
            check.add("contactPhone", "Contact phone is required", "MISSING_CONTACT_PHONE");
        }
        List<String> pincodes = pincodes(check, input.pincodes());
        check.throwIfInvalid();
        Optional<Vendor> existing = vendors.findByOwner(caller.userId());
        if (existing.isEmpty()) {
            var now = clock.instant();
            Vendor created = vendors.create(new Vendor(Ids.newId("vendor"), caller.userId(), name, description, email, phone,
                    pincodes, VendorStatus.PENDING, now, now, 0));
            return new SavedVendor(created, true);
        }
        Vendor updated = Retry.onConflict(() -> {
            Vendor current = vendors.findByOwner(caller.userId()).orElseThrow();
            return vendors.update(current.withDetails(name, description, email, phone, pincodes, clock.instant()));
        });
        return new SavedVendor(updated, false);
    }

    public Page<ProductView> myProducts(Principal caller, PageRequest page) {
        Vendor vendor = myVendor(caller);
        return views(products.search(ProductQuery.ofVendor(vendor.vendorId()), page), id -> vendor);
    }

    public ProductView myProduct(Principal caller, String productId) {
        Vendor vendor = myVendor(caller);
        Product product = ownProduct(vendor, productId);
        return view(product, vendor.name());
    }

    public ProductView addProduct(Principal caller, ProductInput input) {
        Access.require(caller, Capability.SELL);
        Vendor vendor = notDisabled(vendors.findByOwner(caller.userId()).orElseThrow(() -> DomainException.conflict(
                "VendorProfileRequired", "Create your vendor profile before adding products")));
        Validation check = new Validation();
        String name = check.text("name", input.name(), 100, "Name");
        Category category = parseCategory(check, input.category()).orElse(null);
        if (input.category() == null || input.category().isBlank()) {
            check.add("category", "Category is required", "MISSING_CATEGORY");
        }
        String unit = check.text("unit", input.unit(), 30, "Unit");
        BigDecimal price = price(check, input.price(), true);
        String description = check.optionalText("description", input.description(), 1000, "Description");
        String imageUrl = imageUrl(check, input.imageUrl());
        int initialStock = input.stock() == null ? 0 : stockValue(check, input.stock());
        check.throwIfInvalid();
        var now = clock.instant();
        Product product = products.create(new Product(Ids.newId("prod"), vendor.vendorId(), name, category, unit, price,
                description, imageUrl, input.active() == null || input.active(), now, now, 0));
        StockLevel level = stock.setStock(new StockKey(vendor.vendorId(), product.productId()), initialStock);
        return new ProductView(product, vendor.name(), level);
    }

    public ProductView updateProduct(Principal caller, String productId, ProductInput input) {
        Vendor vendor = notDisabled(myVendor(caller));
        ownProduct(vendor, productId);
        Validation check = new Validation();
        String name = input.name() == null ? null : check.text("name", input.name(), 100, "Name");
        Category category = input.category() == null ? null : parseCategory(check, input.category()).orElse(null);
        String unit = input.unit() == null ? null : check.text("unit", input.unit(), 30, "Unit");
        BigDecimal price = price(check, input.price(), false);
        String description = input.description() == null ? null : check.optionalText("description", input.description(), 1000, "Description");
        String imageUrl = input.imageUrl() == null ? null : imageUrl(check, input.imageUrl());
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
        return view(saved, vendor.name());
    }

    public StockLevel setStock(Principal caller, String productId, Integer units) {
        Vendor vendor = notDisabled(myVendor(caller));
        ownProduct(vendor, productId);
        Validation check = new Validation();
        if (units == null) {
            check.add("stock", "Stock is required", "MISSING_STOCK");
        }
        int value = units == null ? 0 : stockValue(check, units);
        check.throwIfInvalid();
        return stock.setStock(new StockKey(vendor.vendorId(), productId), value);
    }

    // ---- back office ---------------------------------------------------------------------------------------

    public Page<Vendor> allVendors(Principal caller, String status, PageRequest page) {
        Access.require(caller, Capability.READ_CATALOG_BACKOFFICE);
        Optional<VendorStatus> wanted = Optional.empty();
        if (status != null && !status.isBlank()) {
            wanted = Optional.of(VendorStatus.fromWireName(status).orElseThrow(() -> com.milkrun.shared.ValidationException.of(
                    "status", "Status must be one of Pending, Approved, Disabled", "INVALID_STATUS")));
        }
        return vendors.list(new VendorQuery(wanted, Optional.empty()), page);
    }

    public Vendor approveVendor(Principal caller, String vendorId) {
        return changeStatus(caller, vendorId, VendorStatus.APPROVED);
    }

    public Vendor disableVendor(Principal caller, String vendorId) {
        return changeStatus(caller, vendorId, VendorStatus.DISABLED);
    }

    public Page<ProductView> allProducts(Principal caller, String vendorId, String text, PageRequest page) {
        Access.require(caller, Capability.READ_CATALOG_BACKOFFICE);
        if (vendorId != null && !vendorId.isBlank() && !Ids.VENDOR_ID.matcher(vendorId).matches()) {
            throw com.milkrun.shared.ValidationException.of("vendorId", "Invalid vendor ID format", "INVALID_VENDOR_ID");
        }
        Optional<Set<String>> vendorIds = vendorId == null || vendorId.isBlank() ? Optional.empty() : Optional.of(Set.of(vendorId));
        Page<Product> found = products.search(new ProductQuery(blankToEmpty(text), Optional.empty(), vendorIds, false), page);
        Map<String, Vendor> byId = new LinkedHashMap<>();
        for (Product p : found.items()) {
            byId.computeIfAbsent(p.vendorId(), id -> vendors.get(id).orElse(null));
        }
        return views(found, byId::get);
    }

    private Vendor changeStatus(Principal caller, String vendorId, VendorStatus status) {
        Access.require(caller, Capability.ADMINISTER_VENDORS);
        Vendor saved = Retry.onConflict(() -> {
            Vendor current = vendors.get(vendorId).orElseThrow(() -> DomainException.notFound("Vendor not found"));
            return current.status() == status ? current : vendors.update(current.withStatus(status, clock.instant()));
        });
        users.get(saved.ownerUserId()).ifPresent(owner -> notifications.send(owner.userId(), owner.email(),
                Notification.Kind.VENDOR, "Your MilkRun vendor profile is " + status.wireName().toLowerCase(java.util.Locale.ROOT),
                status == VendorStatus.APPROVED
                        ? "Good news: " + saved.name() + " is approved. Your active products are now listed in the shop."
                        : saved.name() + " has been disabled by an administrator. Its products are no longer listed."));
        return saved;
    }

    // ---- helpers -------------------------------------------------------------------------------------------

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

    private Page<ProductView> views(Page<Product> page, Function<String, Vendor> vendorOf) {
        List<StockKey> keys = page.items().stream().map(p -> new StockKey(p.vendorId(), p.productId())).toList();
        Map<StockKey, StockLevel> levels = keys.isEmpty() ? Map.of() : stock.getAll(keys);
        List<ProductView> views = new ArrayList<>();
        for (Product p : page.items()) {
            StockKey key = new StockKey(p.vendorId(), p.productId());
            Vendor vendor = vendorOf.apply(p.vendorId());
            views.add(new ProductView(p, vendor == null ? "" : vendor.name(), levels.getOrDefault(key, StockLevel.none(key))));
        }
        return new Page<>(views, page.nextToken());
    }

    private ProductView view(Product product, String vendorName) {
        StockKey key = new StockKey(product.vendorId(), product.productId());
        return new ProductView(product, vendorName, stock.get(key).orElse(StockLevel.none(key)));
    }

    /** A disabled vendor keeps read access to its portal but cannot change its catalog. */
    private static Vendor notDisabled(Vendor vendor) {
        if (vendor.status() == VendorStatus.DISABLED) {
            throw new DomainException(Failure.FORBIDDEN, "VendorDisabled", "This vendor has been disabled by an administrator");
        }
        return vendor;
    }

    private Product ownProduct(Vendor vendor, String productId) {
        return products.get(productId).filter(p -> p.vendorId().equals(vendor.vendorId()))
                .orElseThrow(CatalogService::productNotFound);
    }

    private static Optional<Category> parseCategory(Validation check, String category) {
        if (category == null || category.isBlank()) {
            return Optional.empty();
        }
        Optional<Category> parsed = Category.fromId(category);
        if (parsed.isEmpty()) {
            check.add("category", "Category must be one of " + java.util.Arrays.stream(Category.values())
                    .map(Category::id).collect(Collectors.joining(", ")), "INVALID_CATEGORY");
        }
        return parsed;
    }

    private static BigDecimal price(Validation check, BigDecimal price, boolean required) {
        if (price == null) {
            if (required) {
                check.add("price", "Price is required", "MISSING_PRICE");
            }
            return null;
        }
        if (price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0) {
            check.add("price", "Price must be more than ₹0 and at most ₹" + MAX_PRICE.toPlainString(), "INVALID_PRICE");
            return null;
        }
        if (price.stripTrailingZeros().scale() > 2) {
            check.add("price", "Price can have at most 2 decimal places", "INVALID_PRICE");
            return null;
        }
        return price.setScale(2);
    }

    private static int stockValue(Validation check, int units) {
        if (units < 0 || units > MAX_STOCK) {
            check.add("stock", "Stock must be between 0 and " + MAX_STOCK, "INVALID_STOCK");
            return 0;
        }
        return units;
    }

    private static String imageUrl(Validation check, String url) {
        String value = check.optionalText("imageUrl", url, 500, "Image URL");
        if (!value.isEmpty() && !IMAGE_URL.matcher(value).matches()) {
            check.add("imageUrl", "Image URL must start with http://, https:// or /", "INVALID_IMAGE_URL");
            return "";
        }
        return value;
    }

    private static List<String> pincodes(Validation check, List<String> pincodes) {
        if (pincodes == null || pincodes.isEmpty()) {
            check.add("pincodes", "At least one pincode is required", "MISSING_PINCODES");
            return List.of();
        }
        if (pincodes.size() > 200) {
            check.add("pincodes", "At most 200 pincodes", "TOO_MANY_PINCODES");
            return List.of();
        }
        Set<String> clean = new LinkedHashSet<>();
        for (int i = 0; i < pincodes.size(); i++) {
            String p = pincodes.get(i);
            if (p == null || !Validation.PINCODE.matcher(p.strip()).matches()) {
                check.add("pincodes[" + i + "]", "Pincode must be 6 digits", "INVALID_PINCODE");
            } else {
                clean.add(p.strip());
            }
        }
        return List.copyOf(clean);
    }

    private static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static DomainException productNotFound() {
        return DomainException.notFound("Product not found");
    }

    /** A saved vendor profile and whether this call created it. */
    public record SavedVendor(Vendor vendor, boolean created) {
    }
}
