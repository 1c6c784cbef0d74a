package com.milkrun.contract;

import static com.milkrun.contract.ContractAssertions.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.catalog.Vendor;
import com.milkrun.catalog.VendorQuery;
import com.milkrun.catalog.VendorStatus;
import com.milkrun.catalog.VendorStore;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.PageRequest;
import com.milkrun.testing.Times;
import com.milkrun.testing.Vendors;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of every {@link VendorStore}: one vendor per owner, optimistic locking, lists by name. */
public abstract class VendorStoreContract {
    private static final Comparator<Vendor> BY_NAME =
            Comparator.comparing((Vendor v) -> v.name().toLowerCase(Locale.ROOT)).thenComparing(Vendor::vendorId);

    /** A store with no vendors, the same instance for the whole test. */
    protected abstract VendorStore store();

    @Test
    void stores_a_new_vendor_at_version_1_and_reads_back_every_field() {
        Vendor created = store().create(Vendors.anandDairy());

        assertThat(created).isEqualTo(withVersion(Vendors.anandDairy(), 1));
        assertThat(store().get("vendor-anand")).contains(created);
        assertThat(store().findByOwner("user-ravi")).contains(created);
        assertThat(store().create(Vendors.gokulDairy())).isEqualTo(withVersion(Vendors.gokulDairy(), 1));
        assertThat(store().get("vendor-gokul")).contains(withVersion(Vendors.gokulDairy(), 1));
    }

    @Test
    void answers_nothing_for_an_unknown_vendor_or_owner() {
        store().create(Vendors.anandDairy());

        assertThat(store().get("vendor-unknown")).isEmpty();
        assertThat(store().findByOwner("user-asha")).isEmpty();
    }

    @Test
    void rejects_a_second_vendor_with_the_same_id() {
        store().create(Vendors.anandDairy());
        Vendor sameId = withOwner(withId(Vendors.gokulDairy(), "vendor-anand"), "user-someone");

        assertFailsWith("VendorExists", () -> store().create(sameId));
        assertThat(store().findByOwner("user-someone")).isEmpty();
    }

    @Test
    void rejects_a_second_vendor_of_the_same_owner() {
        store().create(Vendors.anandDairy());

        assertFailsWith("VendorExists", () -> store().create(withOwner(Vendors.gokulDairy(), "user-ravi")));
        assertThat(store().get("vendor-gokul")).isEmpty();
        assertThat(store().findByOwner("user-ravi").orElseThrow().vendorId()).isEqualTo("vendor-anand");
    }

    @Test
    void replaces_the_details_and_pincodes_and_bumps_the_version() {
        Vendor stored = store().create(Vendors.anandDairy());
        Vendor changed = stored.withDetails("Anand Dairy Co-op", "Owned by 300 farmers", "hello@anand.example",
                        "+912650000000", List.of("390020", "390005"), Times.minutesAfterMorningRun(45))
                .withStatus(VendorStatus.DISABLED, Times.minutesAfterMorningRun(46));

        Vendor updated = store().update(changed);

        assertThat(updated).isEqualTo(withVersion(changed, 2));
        assertThat(store().get("vendor-anand")).contains(updated);
        assertThat(ids(new VendorQuery(Optional.empty(), Optional.of("390001")))).isEmpty();
        assertThat(ids(new VendorQuery(Optional.empty(), Optional.of("390020")))).containsExactly("vendor-anand");
    }

    @Test
    void rejects_a_stale_update_and_keeps_the_first_writers_change() {
        store().create(Vendors.anandDairy());
        Vendor firstReader = store().get("vendor-anand").orElseThrow();
        Vendor secondReader = store().get("vendor-anand").orElseThrow();

        Vendor firstWrite = store().update(firstReader.withStatus(VendorStatus.DISABLED, Times.minutesAfterMorningRun(20)));

        assertThatThrownBy(() -> store().update(secondReader.withDetails("Renamed", "", "", "", List.of(),
                Times.minutesAfterMorningRun(21)))).isInstanceOf(ConcurrentModification.class);
        assertThat(store().get("vendor-anand")).contains(firstWrite);
    }

    @Test
    void rejects_an_update_of_a_missing_vendor_as_not_found() {
        assertFailsWith("NotFound", () -> store().update(withVersion(Vendors.anandDairy(), 1)));
    }

    @Test
    void lists_vendors_by_name_ignoring_case_then_by_id() {
        List<Vendor> created = List.of(
                store().create(Vendors.named("vendor-3", "Shree Dairy", VendorStatus.APPROVED, List.of(), Times.MORNING_RUN)),
                store().create(Vendors.named("vendor-1", "amul parlour", VendorStatus.APPROVED, List.of(), Times.MORNING_RUN)),
                store().create(Vendors.named("vendor-2", "Shree Dairy", VendorStatus.APPROVED, List.of(), Times.MORNING_RUN)),
                store().create(Vendors.named("vendor-4", "Banas Dairy", VendorStatus.APPROVED, List.of(), Times.MORNING_RUN)));

        assertThat(store().list(new VendorQuery(Optional.empty(), Optional.empty()), PageRequest.first(10)).items())
                .extracting(Vendor::vendorId).containsExactly("vendor-1", "vendor-4", "vendor-2", "vendor-3");
        assertThat(created).hasSize(4);
    }

    @Test
    void visits_every_matching_vendor_exactly_once_across_pages() {
        List<Vendor> all = createMany();
        VendorQuery approvedIn390001 = new VendorQuery(Optional.of(VendorStatus.APPROVED), Optional.of("390001"));
        List<Vendor> expected = all.stream()
                .filter(v -> v.status() == VendorStatus.APPROVED && v.serves("390001")).sorted(BY_NAME).toList();

        assertThat(expected).hasSizeGreaterThan(5);
        assertThat(Paging.walk(page -> store().list(approvedIn390001, page), 2)).containsExactlyElementsOf(expected);
        assertThat(Paging.walk(page -> store().list(VendorQuery.approved(), page), 3)).containsExactlyElementsOf(
                all.stream().filter(Vendor::isApproved).sorted(BY_NAME).toList());
        assertThat(Paging.walk(page -> store().list(new VendorQuery(Optional.empty(), Optional.empty()), page), 5))
                .containsExactlyElementsOf(all.stream().sorted(BY_NAME).toList());
    }

    @Test
    void gives_no_token_when_the_last_page_is_exactly_full() {
        createMany();
        VendorQuery pending = new VendorQuery(Optional.of(VendorStatus.PENDING), Optional.empty());
        int count = store().list(pending, PageRequest.first(100)).items().size();

        assertThat(store().list(pending, PageRequest.first(count)).nextToken()).isEmpty();
        assertThat(store().list(pending, PageRequest.first(count - 1)).nextToken()).isPresent();
    }

    @Test
    void refuses_page_tokens_it_did_not_issue() {
        createMany();
        String real = store().list(VendorQuery.approved(), PageRequest.first(2)).nextToken().orElseThrow();

        ForgedTokens.assertAllRefused(real, token -> store().list(VendorQuery.approved(), new PageRequest(2, token)));
    }

    @Test
    void refuses_a_token_issued_for_another_filter() {
        createMany();
        String approvedToken = store().list(VendorQuery.approved(), PageRequest.first(2)).nextToken().orElseThrow();
        VendorQuery approvedIn390001 = new VendorQuery(Optional.of(VendorStatus.APPROVED), Optional.of("390001"));

        assertFailsWith("InvalidNextToken", () -> store().list(approvedIn390001, new PageRequest(2, approvedToken)));
        assertFailsWith("InvalidNextToken", () -> store().list(
                new VendorQuery(Optional.of(VendorStatus.PENDING), Optional.empty()), new PageRequest(2, approvedToken)));
    }

    /** Twenty dairies: every fourth pending, the others approved; most serve 390001; some names repeat. */
    private List<Vendor> createMany() {
        String[] names = {"Sabar Dairy", "Amul Parlour", "Banas Dairy", "Gokul Dairy", "Vasudhara Dairy"};
        List<Vendor> created = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            VendorStatus status = n % 4 == 0 ? VendorStatus.PENDING : VendorStatus.APPROVED;
            List<String> pincodes = n % 3 == 0 ? List.of("390007") : List.of("390007", "390001");
            String id = String.format("vendor-%02d", n);
            created.add(store().create(Vendors.named(id, names[n % names.length], status, pincodes,
                    Times.minutesAfterMorningRun(n))));
        }
        return created;
    }

    private List<String> ids(VendorQuery query) {
        return store().list(query, PageRequest.first(100)).items().stream().map(Vendor::vendorId).toList();
    }

    private static Vendor withVersion(Vendor v, long version) {
        return new Vendor(v.vendorId(), v.ownerUserId(), v.name(), v.description(), v.contactEmail(), v.contactPhone(),
                v.pincodes(), v.status(), v.createdAt(), v.updatedAt(), version);
    }

    private static Vendor withId(Vendor v, String vendorId) {
        return new Vendor(vendorId, v.ownerUserId(), v.name(), v.description(), v.contactEmail(), v.contactPhone(),
                v.pincodes(), v.status(), v.createdAt(), v.updatedAt(), v.version());
    }

    private static Vendor withOwner(Vendor v, String ownerUserId) {
        return new Vendor(v.vendorId(), ownerUserId, v.name(), v.description(), v.contactEmail(), v.contactPhone(),
                v.pincodes(), v.status(), v.createdAt(), v.updatedAt(), v.version());
    }
}
