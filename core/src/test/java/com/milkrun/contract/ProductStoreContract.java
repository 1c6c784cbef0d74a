package com.milkrun.contract;

import static com.milkrun.contract.ContractAssertions.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.catalog.Category;
import com.milkrun.catalog.Product;
import com.milkrun.catalog.ProductQuery;
import com.milkrun.catalog.ProductStore;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.testing.Products;
import com.milkrun.testing.Times;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The contract of every {@link ProductStore}: products with optimistic locking, searched by name. */
public abstract class ProductStoreContract {
    private static final Comparator<Product> BY_NAME =
            Comparator.comparing((Product p) -> p.name().toLowerCase(Locale.ROOT)).thenComparing(Product::productId);
    private static final ProductQuery EVERYTHING =
            new ProductQuery(Optional.empty(), Optional.empty(), Optional.empty(), false);

    /** A store with no products, the same instance for the whole test. */
    protected abstract ProductStore store();

    @Test
    void stores_a_new_product_at_version_1_and_reads_back_every_field() {
        Product created = store().create(Products.organicMilk500ml("vendor-anand"));

        assertThat(created).isEqualTo(withVersion(Products.organicMilk500ml("vendor-anand"), 1));
        assertThat(store().get("prod-organic-milk-500ml")).contains(created);
        assertThat(created.price()).isEqualByComparingTo("50").hasScaleOf(2);
        assertThat(store().create(Products.desiGhee1l("vendor-gokul")))
                .isEqualTo(withVersion(Products.desiGhee1l("vendor-gokul"), 1));
        assertThat(store().get("prod-desi-ghee-1l")).contains(withVersion(Products.desiGhee1l("vendor-gokul"), 1));
        assertThat(store().get("prod-unknown")).isEmpty();
    }

    @Test
    void reads_many_products_at_once_leaving_out_unknown_ids() {
        Product milk = store().create(Products.organicMilk500ml("vendor-anand"));
        Product ghee = store().create(Products.desiGhee1l("vendor-gokul"));
        Product retired = store().update(ghee.withChanges(ghee.name(), ghee.category(), ghee.unit(), ghee.price(),
                ghee.description(), ghee.imageUrl(), false, ghee.updatedAt()));

        assertThat(store().getAll(List.of("prod-organic-milk-500ml", "prod-unknown", "prod-desi-ghee-1l")))
                .containsOnly(Map.entry(milk.productId(), milk), Map.entry(retired.productId(), retired));
        assertThat(store().getAll(List.of())).isEmpty();
        assertThatThrownBy(() -> store().getAll(IntStream.rangeClosed(0, ProductStore.MAX_BATCH)
                .mapToObj(i -> "prod-" + i).toList())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keeps_prices_exact_to_the_paisa() {
        Product milk = Products.organicMilk500ml("vendor-anand");
        Product odd = milk.withChanges(milk.name(), milk.category(), milk.unit(), new BigDecimal("9999999999.99"),
                milk.description(), milk.imageUrl(), true, milk.updatedAt());
        store().create(odd);

        assertThat(store().get(odd.productId()).orElseThrow().price()).isEqualTo(new BigDecimal("9999999999.99"));
    }

    @Test
    void rejects_a_second_product_with_the_same_id() {
        store().create(Products.organicMilk500ml("vendor-anand"));

        assertFailsWith("Conflict", () -> store().create(Products.organicMilk500ml("vendor-gokul")));
        assertThat(store().get("prod-organic-milk-500ml").orElseThrow().vendorId()).isEqualTo("vendor-anand");
    }

    @Test
    void replaces_a_product_and_bumps_the_version() {
        Product stored = store().create(Products.organicMilk500ml("vendor-anand"));
        Product changed = stored.withChanges("Organic Milk 1L", Category.MILK, "1 l", new BigDecimal("95.50"),
                "Now in a litre bottle", "", false, Times.minutesAfterMorningRun(40));

        Product updated = store().update(changed);

        assertThat(updated).isEqualTo(withVersion(changed, 2));
        assertThat(store().get(stored.productId())).contains(updated);
    }

    @Test
    void rejects_a_stale_update_and_keeps_the_first_writers_change() {
        store().create(Products.organicMilk500ml("vendor-anand"));
        Product firstReader = store().get("prod-organic-milk-500ml").orElseThrow();
        Product secondReader = store().get("prod-organic-milk-500ml").orElseThrow();

        Product firstWrite = store().update(priced(firstReader, "55.00"));

        assertThatThrownBy(() -> store().update(priced(secondReader, "45.00")))
                .isInstanceOf(ConcurrentModification.class);
        assertThat(store().get("prod-organic-milk-500ml")).contains(firstWrite);
    }

    @Test
    void rejects_an_update_of_a_missing_product_as_not_found() {
        assertFailsWith("NotFound", () -> store().update(withVersion(Products.mangoLassi("vendor-anand"), 1)));
    }

    @Test
    void lists_products_by_name_ignoring_case_then_by_id() {
        store().create(Products.organicMilk500ml("vendor-anand"));
        store().create(Products.mangoLassi("vendor-anand"));
        store().create(Products.malaiPaneer200g("vendor-anand"));
        store().create(Products.desiGhee1l("vendor-anand"));
        store().create(Products.named("prod-b", "vendor-anand", "MANGO LASSI", Category.BEVERAGES, true));
        store().create(Products.named("prod-a", "vendor-anand", "Mango Lassi", Category.BEVERAGES, true));

        assertThat(search(EVERYTHING)).containsExactly("prod-desi-ghee-1l", "prod-malai-paneer-200g", "prod-a",
                "prod-b", "prod-mango-lassi", "prod-organic-milk-500ml");
    }

    @Test
    void sorts_names_by_code_point_whatever_the_databases_locale() {
        store().create(Products.named("prod-eclair", "vendor-anand", "Éclair au Lait", Category.SWEETS, true));
        store().create(Products.named("prod-underscore", "vendor-anand", "Toned_Milk", Category.MILK, true));
        store().create(Products.named("prod-fresh-cream", "vendor-anand", "Fresh Cream", Category.CREAM, true));
        store().create(Products.named("prod-dash", "vendor-anand", "Toned-Milk", Category.MILK, true));
        store().create(Products.named("prod-space", "vendor-anand", "toned milk", Category.MILK, true));

        assertThat(search(EVERYTHING))
                .containsExactly("prod-fresh-cream", "prod-space", "prod-dash", "prod-underscore", "prod-eclair");
        assertThat(Paging.walk(page -> store().search(EVERYTHING, page), 1)).extracting(Product::productId)
                .containsExactly("prod-fresh-cream", "prod-space", "prod-dash", "prod-underscore", "prod-eclair");
    }

    @Test
    void matches_text_in_the_name_or_the_description_ignoring_case() {
        createDairyShelf();

        assertThat(search(text("MILK"))).containsExactly("prod-desi-ghee-1l", "prod-organic-milk-500ml");
        assertThat(search(text("thick curd"))).containsExactly("prod-mango-lassi");
        assertThat(search(text("paneer 200"))).containsExactly("prod-malai-paneer-200g");
        assertThat(search(text("yak"))).isEmpty();
    }

    @Test
    void matches_like_wildcards_literally() {
        createDairyShelf();

        assertThat(search(text("100%"))).containsExactly("prod-desi-ghee-1l");
        assertThat(search(text("%"))).containsExactly("prod-desi-ghee-1l");
        assertThat(search(text("a_g"))).containsExactly("prod-desi-ghee-1l");
        assertThat(search(text("_"))).containsExactly("prod-desi-ghee-1l");
        assertThat(search(text("m%k"))).isEmpty();
        assertThat(search(text("!"))).isEmpty();
        assertThat(search(text("\\"))).isEmpty();
    }

    @Test
    void filters_by_category_vendors_and_activity() {
        createDairyShelf();

        assertThat(search(new ProductQuery(Optional.empty(), Optional.of(Category.GHEE), Optional.empty(), false)))
                .containsExactly("prod-desi-ghee-1l");
        assertThat(search(new ProductQuery(Optional.empty(), Optional.empty(), Optional.empty(), true)))
                .containsExactly("prod-malai-paneer-200g", "prod-mango-lassi", "prod-organic-milk-500ml");
        assertThat(search(ProductQuery.ofVendor("vendor-gokul"))).containsExactly("prod-desi-ghee-1l", "prod-mango-lassi");
        assertThat(search(new ProductQuery(Optional.empty(), Optional.empty(),
                Optional.of(Set.of("vendor-gokul", "vendor-nobody")), true))).containsExactly("prod-mango-lassi");
        assertThat(search(new ProductQuery(Optional.of("lassi"), Optional.of(Category.BEVERAGES),
                Optional.of(Set.of("vendor-anand")), true))).isEmpty();
    }

    @Test
    void matches_nothing_for_an_empty_vendor_set() {
        createDairyShelf();

        Page<Product> page = store().search(new ProductQuery(Optional.empty(), Optional.empty(), Optional.of(Set.of()),
                false), PageRequest.firstPage());

        assertThat(page.items()).isEmpty();
        assertThat(page.nextToken()).isEmpty();
    }

    @Test
    void visits_every_matching_product_exactly_once_across_pages() {
        List<Product> all = createMany();
        ProductQuery activeMilkOfTwoVendors = new ProductQuery(Optional.empty(), Optional.of(Category.MILK),
                Optional.of(Set.of("vendor-1", "vendor-2")), true);
        List<Product> expected = all.stream().filter(p -> p.category() == Category.MILK && p.active()
                && !p.vendorId().equals("vendor-3")).sorted(BY_NAME).toList();

        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(Paging.walk(page -> store().search(activeMilkOfTwoVendors, page), 2)).containsExactlyElementsOf(expected);
        assertThat(Paging.walk(page -> store().search(EVERYTHING, page), 7))
                .containsExactlyElementsOf(all.stream().sorted(BY_NAME).toList());
        assertThat(Paging.walk(page -> store().search(text("toned"), page), 3)).containsExactlyElementsOf(
                all.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).contains("toned")).sorted(BY_NAME).toList());
    }

    @Test
    void gives_no_token_when_the_last_page_is_exactly_full() {
        createDairyShelf();

        assertThat(store().search(EVERYTHING, PageRequest.first(4)).nextToken()).isEmpty();
        assertThat(store().search(EVERYTHING, PageRequest.first(3)).nextToken()).isPresent();
    }

    @Test
    void refuses_page_tokens_it_did_not_issue() {
        createMany();
        String real = store().search(EVERYTHING, PageRequest.first(3)).nextToken().orElseThrow();

        ForgedTokens.assertAllRefused(real, token -> store().search(EVERYTHING, new PageRequest(3, token)));
    }

    @Test
    void refuses_a_token_issued_for_another_filter() {
        createMany();
        ProductQuery milk = new ProductQuery(Optional.empty(), Optional.of(Category.MILK), Optional.empty(), false);
        ProductQuery curd = new ProductQuery(Optional.empty(), Optional.of(Category.CURD), Optional.empty(), false);
        String milkToken = store().search(milk, PageRequest.first(2)).nextToken().orElseThrow();

        assertFailsWith("InvalidNextToken", () -> store().search(curd, new PageRequest(2, milkToken)));
        assertFailsWith("InvalidNextToken", () -> store().search(EVERYTHING, new PageRequest(2, milkToken)));
        assertThat(store().search(milk, new PageRequest(2, milkToken)).items()).isNotEmpty();
    }

    private void createDairyShelf() {
        store().create(Products.organicMilk500ml("vendor-anand"));
        store().create(Products.malaiPaneer200g("vendor-anand"));
        store().create(Products.desiGhee1l("vendor-gokul"));
        store().create(Products.mangoLassi("vendor-gokul"));
    }

    /** Thirty products of three vendors: milk and curd, every fifth inactive, names repeating across vendors. */
    private List<Product> createMany() {
        String[] names = {"Toned Milk", "full cream milk", "Double Toned Milk", "Buffalo Milk", "Cow Milk"};
        List<Product> created = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            Category category = n % 4 == 0 ? Category.CURD : Category.MILK;
            String vendor = "vendor-" + (n % 3 + 1);
            created.add(store().create(Products.named(String.format("prod-%02d", n), vendor, names[n % names.length],
                    category, n % 5 != 0)));
        }
        return created;
    }

    private List<String> search(ProductQuery query) {
        return store().search(query, PageRequest.first(100)).items().stream().map(Product::productId).toList();
    }

    private static ProductQuery text(String text) {
        return new ProductQuery(Optional.of(text), Optional.empty(), Optional.empty(), false);
    }

    private static Product priced(Product p, String price) {
        return p.withChanges(p.name(), p.category(), p.unit(), new BigDecimal(price), p.description(), p.imageUrl(),
                p.active(), Times.minutesAfterMorningRun(20));
    }

    private static Product withVersion(Product p, long version) {
        return new Product(p.productId(), p.vendorId(), p.name(), p.category(), p.unit(), p.price(), p.description(),
                p.imageUrl(), p.active(), p.createdAt(), p.updatedAt(), version);
    }
}
