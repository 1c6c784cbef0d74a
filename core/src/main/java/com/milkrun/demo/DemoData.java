package com.milkrun.demo;

import com.milkrun.accounts.Address;
import com.milkrun.accounts.Credential;
import com.milkrun.accounts.CredentialStore;
import com.milkrun.access.Role;
import com.milkrun.accounts.User;
import com.milkrun.accounts.UserStore;
import com.milkrun.catalog.Category;
import com.milkrun.catalog.Product;
import com.milkrun.catalog.ProductStore;
import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorStatus;
import com.milkrun.catalog.VendorStore;
import com.milkrun.inventory.StockKey;
import com.milkrun.inventory.StockStore;
import com.milkrun.orders.DeliveryAddress;
import com.milkrun.orders.Order;
import com.milkrun.orders.OrderLine;
import com.milkrun.orders.OrderStatus;
import com.milkrun.orders.OrderStore;
import com.milkrun.orders.PaymentMethod;
import com.milkrun.orders.Placement;
import com.milkrun.orders.Pricing;
import java.time.Duration;
import java.time.ZoneOffset;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Loads the demo data into an empty database: one user of every role (password {@value #PASSWORD}), the seed's
 * {@code vendor-001} with "Organic Milk 500ml" (₹50, stock 50), "Greek Yogurt 200g" (₹30) and "Organic Milk 1L"
 * (5 left), the seed's customer with address {@code addr-home} (123 Main Street, Vadodara, Gujarat 390001), and
 * four more dairies in Vadodara, Ahmedabad and Bengaluru, one of them still waiting for approval, and two delivered
 * orders in Asha's history (so her next order is not a first order, as in the seed's examples).
 */
public final class DemoData {
    /** The password of every demo account. */
    public static final String PASSWORD = "MilkRun@2026";
    public static final String CUSTOMER_EMAIL = "customer@milkrun.dev";
    public static final String CUSTOMER_ID = "user-demo-asha";
    public static final String ADMIN_EMAIL = "admin@milkrun.dev";

    private final UserStore users;
    private final CredentialStore credentials;
    private final String passwordHash;
    private final VendorStore vendors;
    private final ProductStore products;
    private final StockStore stock;
    private final OrderStore orders;
    private final Clock clock;

    /**
     * @param passwordHash the hash of {@link #PASSWORD} as the configured password hasher writes it; the composition
     *                     root passes a precomputed one, so that loading the demo data costs no hashing at start-up
     */
    public DemoData(UserStore users, CredentialStore credentials, String passwordHash, VendorStore vendors,
                    ProductStore products, StockStore stock, OrderStore orders, Clock clock) {
        this.users = users;
        this.credentials = credentials;
        this.passwordHash = passwordHash;
        this.vendors = vendors;
        this.products = products;
        this.stock = stock;
        this.orders = orders;
        this.clock = clock;
    }

    /** Loads the demo data unless it is there already; returns whether it loaded anything. */
    public boolean loadIfAbsent() {
        if (users.findByEmail(ADMIN_EMAIL).isPresent()) {
            return false;
        }
        Instant now = clock.instant();
        String hash = passwordHash;
        person(CUSTOMER_ID, CUSTOMER_EMAIL, "Asha Patel", "+919876543210", Role.CUSTOMER, hash, now,
                List.of(new Address("addr-home", "Home", "123 Main Street", "", "Vadodara", "Gujarat", "390001", true)));
        person("user-demo-ravi", "vendor@milkrun.dev", "Ravi Desai", "+919825012345", Role.VENDOR, hash, now, List.of());
        person("user-demo-kiran", "vrindavan@milkrun.dev", "Kiran Joshi", "+919824011122", Role.VENDOR, hash, now, List.of());
        person("user-demo-nisha", "sabarmati@milkrun.dev", "Nisha Mehta", "+919898033344", Role.VENDOR, hash, now, List.of());
        person("user-demo-lakshmi", "kaveri@milkrun.dev", "Lakshmi Rao", "+919845055566", Role.VENDOR, hash, now, List.of());
        person("user-demo-tenzin", "himalayan@milkrun.dev", "Tenzin Negi", "+919816077788", Role.VENDOR, hash, now, List.of());
        person("user-demo-meera", "manager@milkrun.dev", "Meera Iyer", "+919820099900", Role.MANAGER, hash, now, List.of());
        person("user-demo-suresh", "agent@milkrun.dev", "Suresh Yadav", "+919879012121", Role.DELIVERY_AGENT, hash, now, List.of());
        person("user-demo-admin", ADMIN_EMAIL, "Priya Admin", "+919800000001", Role.ADMIN, hash, now, List.of());

        vendor("vendor-001", "user-demo-ravi", "Gir Organic Dairy",
                "Certified organic milk from our own Gir cows, milked at dawn and delivered by 7 am.",
                "vendor@milkrun.dev", "+919825012345", List.of("390001", "390002", "390005", "390007", "390020"), now);
        product("prod-milk-500ml", "vendor-001", "Organic Milk 500ml", Category.MILK, "500 ml", "50", 50,
                "Unhomogenised organic cow milk in a returnable glass bottle.", now);
        product("prod-milk-1l", "vendor-001", "Organic Milk 1L", Category.MILK, "1 L", "95", 5,
                "The family bottle of our organic cow milk.", now);
        product("prod-yogurt-200g", "vendor-001", "Greek Yogurt 200g", Category.CURD, "200 g", "30", 40,
                "Thick strained yogurt, high in protein, no added sugar.", now);
        product("prod-gir-ghee-500ml", "vendor-001", "A2 Gir Cow Ghee 500ml", Category.GHEE, "500 ml", "850", 12,
                "Bilona-churned ghee from A2 Gir cow milk.", now);
        product("prod-gir-paneer-200g", "vendor-001", "Fresh Paneer 200g", Category.PANEER, "200 g", "90", 25,
                "Soft paneer made every morning.", now);
        product("prod-gir-chaas-500ml", "vendor-001", "Masala Chaas 500ml", Category.BEVERAGES, "500 ml", "25", 60,
                "Spiced buttermilk with roasted cumin and mint.", now);

        vendor("vendor-vrindavan", "user-demo-kiran", "Vrindavan Gaushala",
                "A family dairy on the edge of Vadodara: buffalo and cow milk, curd set overnight.",
                "vrindavan@milkrun.dev", "+919824011122", List.of("390001", "390002", "390007", "390011", "390019"), now);
        product("prod-vrindavan-toned-milk-500ml", "vendor-vrindavan", "Toned Milk 500ml", Category.MILK, "500 ml", "28", 120,
                "Everyday toned milk, 3% fat.", now);
        product("prod-vrindavan-full-cream-1l", "vendor-vrindavan", "Full Cream Milk 1L", Category.MILK, "1 L", "68", 80,
                "Rich full cream milk, 6% fat. Great for chai and kheer.", now);
        product("prod-vrindavan-buffalo-milk-1l", "vendor-vrindavan", "Buffalo Milk 1L", Category.MILK, "1 L", "72", 40,
                "Thick buffalo milk, ideal for curd and paneer at home.", now);
        product("prod-vrindavan-dahi-400g", "vendor-vrindavan", "Dahi 400g", Category.CURD, "400 g", "45", 50,
                "Set curd in a clay pot.", now);
        product("prod-vrindavan-malai-paneer-500g", "vendor-vrindavan", "Malai Paneer 500g", Category.PANEER, "500 g", "220", 15,
                "Creamy paneer for festive cooking.", now);
        product("prod-vrindavan-white-butter-200g", "vendor-vrindavan", "White Butter 200g", Category.BUTTER, "200 g", "120", 20,
                "Unsalted hand-churned makkhan.", now);
        product("prod-vrindavan-fresh-cream-200ml", "vendor-vrindavan", "Fresh Cream 200ml", Category.CREAM, "200 ml", "65", 0,
                "Malai skimmed from boiled milk.", now);
        product("prod-vrindavan-shrikhand-250g", "vendor-vrindavan", "Kesar Shrikhand 250g", Category.SWEETS, "250 g", "110", 18,
                "Saffron and cardamom shrikhand, a Gujarati favourite.", now);

        vendor("vendor-sabarmati", "user-demo-nisha", "Sabarmati Milk Co.",
                "Ahmedabad's neighbourhood milkman since 1987, now on MilkRun.",
                "sabarmati@milkrun.dev", "+919898033344", List.of("380001", "380006", "380009", "380015", "380054"), now);
        product("prod-sabarmati-cow-milk-500ml", "vendor-sabarmati", "Cow Milk 500ml", Category.MILK, "500 ml", "32", 150,
                "Fresh pasteurised cow milk.", now);
        product("prod-sabarmati-double-toned-500ml", "vendor-sabarmati", "Double Toned Milk 500ml", Category.MILK, "500 ml", "26", 150,
                "Light milk, 1.5% fat.", now);
        product("prod-sabarmati-curd-1kg", "vendor-sabarmati", "Curd 1kg", Category.CURD, "1 kg", "95", 30,
                "Thick curd in a family tub.", now);
        product("prod-sabarmati-lassi-200ml", "vendor-sabarmati", "Sweet Lassi 200ml", Category.BEVERAGES, "200 ml", "20", 100,
                "Chilled sweet lassi.", now);
        product("prod-sabarmati-cow-ghee-1l", "vendor-sabarmati", "Cow Ghee 1L", Category.GHEE, "1 L", "690", 10,
                "Granular cow ghee.", now);
        product("prod-sabarmati-salted-butter-100g", "vendor-sabarmati", "Salted Butter 100g", Category.BUTTER, "100 g", "58", 45,
                "Table butter for toast and parathas.", now);

        vendor("vendor-kaveri", "user-demo-lakshmi", "Kaveri Farm Fresh",
                "Farm-to-door milk for Bengaluru, chilled within an hour of milking.",
                "kaveri@milkrun.dev", "+919845055566", List.of("560001", "560034", "560038", "560095", "560102"), now);
        product("prod-kaveri-farm-milk-500ml", "vendor-kaveri", "Farm Fresh Milk 500ml", Category.MILK, "500 ml", "30", 200,
                "Farm fresh cow milk.", now);
        product("prod-kaveri-a2-milk-1l", "vendor-kaveri", "A2 Milk 1L", Category.MILK, "1 L", "110", 60,
                "A2 milk from Hallikar and Gir cows.", now);
        product("prod-kaveri-curd-500g", "vendor-kaveri", "Thick Curd 500g", Category.CURD, "500 g", "42", 70,
                "Thick curd, perfect for curd rice.", now);
        product("prod-kaveri-cheddar-200g", "vendor-kaveri", "Aged Cheddar 200g", Category.CHEESE, "200 g", "260", 14,
                "Six-month aged farmhouse cheddar.", now);
        product("prod-kaveri-mozzarella-200g", "vendor-kaveri", "Fresh Mozzarella 200g", Category.CHEESE, "200 g", "210", 16,
                "Soft mozzarella for pizza night.", now);
        product("prod-kaveri-mysore-pak-250g", "vendor-kaveri", "Ghee Mysore Pak 250g", Category.SWEETS, "250 g", "180", 22,
                "Melt-in-the-mouth Mysore pak made with our ghee.", now);

        vendor("vendor-himalayan", "user-demo-tenzin", "Himalayan Dairy Cooperative",
                "Yak and cow milk products from a mountain cooperative.",
                "himalayan@milkrun.dev", "+919816077788", List.of("390001", "560034"), now, VendorStatus.PENDING);
        product("prod-himalayan-churpi-100g", "vendor-himalayan", "Hard Churpi 100g", Category.CHEESE, "100 g", "150", 30,
                "Traditional hard yak cheese.", now);
        product("prod-himalayan-yak-ghee-250ml", "vendor-himalayan", "Yak Ghee 250ml", Category.GHEE, "250 ml", "520", 8,
                "Rare ghee from yak milk.", now);

        pastOrder("order-demo-asha-1", now.minus(Duration.ofDays(12)), 0, List.of(
                line("prod-milk-500ml", "Organic Milk 500ml", "500 ml", 4, "50"),
                line("prod-gir-paneer-200g", "Fresh Paneer 200g", "200 g", 1, "90")));
        pastOrder("order-demo-asha-2", now.minus(Duration.ofDays(5)), 1, List.of(
                line("prod-milk-500ml", "Organic Milk 500ml", "500 ml", 6, "50"),
                line("prod-gir-ghee-500ml", "A2 Gir Cow Ghee 500ml", "500 ml", 1, "850")));
        stock.setStock(new StockKey("vendor-001", "prod-milk-500ml"), 50);
        stock.setStock(new StockKey("vendor-001", "prod-gir-paneer-200g"), 25);
        stock.setStock(new StockKey("vendor-001", "prod-gir-ghee-500ml"), 12);
        return true;
    }

    /** One of Asha's delivered orders, so that her history is not empty and her next order is not her first. */
    private void pastOrder(String orderId, Instant placedAt, int ordersBefore, List<OrderLine> lines) {
        Pricing pricing = Pricing.of(lines, ordersBefore == 0, 0);
        DeliveryAddress home = new DeliveryAddress("addr-home", "Home", "123 Main Street", "", "Vadodara", "Gujarat", "390001");
        Order order = new Order(orderId, CUSTOMER_ID, lines, pricing, OrderStatus.PENDING,
                placedAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1), home, PaymentMethod.CASH_ON_DELIVERY, placedAt, placedAt, 0);
        Order stored = switch (orders.place(new Placement(order, "demo-" + orderId, "demo", ordersBefore, 0))) {
            case com.milkrun.orders.PlaceResult.Placed placed -> placed.order();
            default -> throw new IllegalStateException("demo order " + orderId + " could not be placed");
        };
        Instant at = placedAt;
        for (OrderStatus next : List.of(OrderStatus.CONFIRMED, OrderStatus.PROCESSING, OrderStatus.OUT_FOR_DELIVERY)) {
            at = at.plus(Duration.ofHours(4));
            stored = orders.update(stored.change(next, at));
        }
        orders.update(stored.change(OrderStatus.DELIVERED, at.plus(Duration.ofHours(1))));
    }

    private static OrderLine line(String productId, String name, String unit, int quantity, String price) {
        return OrderLine.priced(productId, "vendor-001", "Gir Organic Dairy", name, unit, quantity, new BigDecimal(price));
    }

    private void person(String userId, String email, String name, String phone, Role role, String hash, Instant now,
                        List<Address> addresses) {
        users.create(new User(userId, email, name, phone, role, true, false, addresses, now, now, 0));
        credentials.create(new Credential(userId, email, hash, true, 0, Optional.empty(), 0));
    }

    private void vendor(String vendorId, String owner, String name, String description, String email, String phone,
                        List<String> pincodes, Instant now) {
        vendor(vendorId, owner, name, description, email, phone, pincodes, now, VendorStatus.APPROVED);
    }

    private void vendor(String vendorId, String owner, String name, String description, String email, String phone,
                        List<String> pincodes, Instant now, VendorStatus status) {
        vendors.create(new Vendor(vendorId, owner, name, description, email, phone, pincodes, status, now, now, 0));
    }

    private void product(String productId, String vendorId, String name, Category category, String unit, String price,
                         int units, String description, Instant now) {
        products.create(new Product(productId, vendorId, name, category, unit, new BigDecimal(price), description,
                "/images/" + category.id() + ".svg", true, now, now, 0));
        stock.setStock(new StockKey(vendorId, productId), units);
    }
}
