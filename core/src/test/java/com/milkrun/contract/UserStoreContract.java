package com.milkrun.contract;

import static com.milkrun.contract.ContractAssertions.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.accounts.Address;
import com.milkrun.access.Role;
import com.milkrun.accounts.User;
import com.milkrun.accounts.UserQuery;
import com.milkrun.accounts.UserStore;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.testing.Times;
import com.milkrun.testing.Users;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of every {@link UserStore}: users with embedded addresses, unique emails, optimistic locking. */
public abstract class UserStoreContract {
    private static final Comparator<User> NEWEST_FIRST =
            Comparator.comparing(User::createdAt).thenComparing(User::userId).reversed();

    /** A store with no users, the same instance for the whole test. */
    protected abstract UserStore store();

    @Test
    void stores_a_new_user_at_version_1_and_reads_back_every_field() {
        User created = store().create(Users.asha());

        assertThat(created).isEqualTo(withVersion(Users.asha(), 1));
        assertThat(store().get("user-asha")).contains(created);
        assertThat(store().create(Users.meera())).isEqualTo(withVersion(Users.meera(), 1));
        assertThat(store().get("user-meera")).contains(withVersion(Users.meera(), 1));
    }

    @Test
    void keeps_the_order_of_addresses() {
        User asha = Users.asha();
        List<Address> reversed = List.of(Users.ashaOffice(), Users.ashaHome());
        store().create(withAddresses(asha, reversed));

        assertThat(store().get("user-asha").orElseThrow().addresses()).containsExactlyElementsOf(reversed);
    }

    @Test
    void stores_the_email_in_lower_case_and_finds_it_in_any_case() {
        User created = store().create(withEmail(Users.asha(), "Asha@Example.COM"));

        assertThat(created.email()).isEqualTo("asha@example.com");
        assertThat(store().findByEmail("ASHA@example.com")).contains(created);
        assertThat(store().findByEmail("asha@example.com")).contains(created);
    }

    @Test
    void answers_nothing_for_an_unknown_user() {
        store().create(Users.asha());

        assertThat(store().get("user-nobody")).isEmpty();
        assertThat(store().findByEmail("nobody@example.com")).isEmpty();
    }

    @Test
    void rejects_a_second_user_with_the_same_email_in_another_case() {
        store().create(Users.asha());
        User impostor = withEmail(withId(Users.ravi(), "user-impostor"), "ASHA@EXAMPLE.COM");

        var e = assertFailsWith("UserExists", () -> store().create(impostor));

        assertThat(e.getMessage()).isEqualTo("User with this email already exists");
        assertThat(store().get("user-impostor")).isEmpty();
    }

    @Test
    void rejects_a_second_user_with_the_same_id() {
        store().create(Users.asha());

        assertFailsWith("UserExists", () -> store().create(withId(Users.ravi(), "user-asha")));
        assertThat(store().findByEmail(Users.ravi().email())).isEmpty();
        assertThat(store().get("user-asha").orElseThrow().name()).isEqualTo("Asha Patel");
    }

    @Test
    void replaces_the_profile_and_the_addresses_and_bumps_the_version() {
        User stored = store().create(Users.asha());
        Instant later = Times.minutesAfterMorningRun(30);
        User changed = stored.withProfile("Asha Patil", "+919800000001", later)
                .withRole(Role.VENDOR, later)
                .withDisabled(true, later)
                .withAddresses(List.of(Users.ashaOffice()), later);

        User updated = store().update(changed);

        assertThat(updated).isEqualTo(withVersion(changed, 2));
        assertThat(store().get("user-asha")).contains(updated);
        assertThat(updated.addresses()).containsExactly(Users.ashaOffice().withDefault(true));
    }

    @Test
    void can_remove_every_address() {
        User stored = store().create(Users.asha());

        store().update(stored.withAddresses(List.of(), Times.minutesAfterMorningRun(30)));

        assertThat(store().get("user-asha").orElseThrow().addresses()).isEmpty();
    }

    @Test
    void rejects_a_stale_update_and_keeps_the_first_writers_change() {
        store().create(Users.asha());
        User firstReader = store().get("user-asha").orElseThrow();
        User secondReader = store().get("user-asha").orElseThrow();

        User firstWrite = store().update(firstReader.withProfile("Asha Patil", "", Times.minutesAfterMorningRun(30)));

        assertThatThrownBy(() -> store().update(secondReader.withRole(Role.ADMIN, Times.minutesAfterMorningRun(31))))
                .isInstanceOf(ConcurrentModification.class);
        assertThat(store().get("user-asha")).contains(firstWrite);
        assertThat(firstWrite.version()).isEqualTo(2);
    }

    @Test
    void rejects_an_update_from_a_version_that_was_never_stored() {
        User stored = store().create(Users.asha());

        assertThatThrownBy(() -> store().update(withVersion(stored, 7))).isInstanceOf(ConcurrentModification.class);
        assertThat(store().get("user-asha")).contains(stored);
    }

    @Test
    void rejects_an_update_of_a_missing_user_as_not_found() {
        assertFailsWith("NotFound", () -> store().update(withVersion(Users.asha(), 1)));
        assertThat(store().get("user-asha")).isEmpty();
    }

    @Test
    void rejects_an_update_that_takes_another_users_email() {
        store().create(Users.asha());
        User ravi = store().create(Users.ravi());

        assertFailsWith("UserExists", () -> store().update(withEmail(ravi, "Asha@example.com")));
        assertThat(store().get("user-ravi")).contains(ravi);
        assertThat(store().findByEmail("asha@example.com").orElseThrow().userId()).isEqualTo("user-asha");
    }

    @Test
    void moves_the_email_index_along_with_an_email_change() {
        User asha = store().create(Users.asha());

        User moved = store().update(withEmail(asha, "Asha.Patel@Example.com"));

        assertThat(moved.email()).isEqualTo("asha.patel@example.com");
        assertThat(store().findByEmail("asha@example.com")).isEmpty();
        assertThat(store().findByEmail("asha.patel@example.com")).contains(moved);
        assertThat(store().create(withId(Users.ravi(), "user-new-asha")).userId()).isEqualTo("user-new-asha");
    }

    @Test
    void lists_users_newest_first_and_breaks_ties_by_id_descending() {
        Instant same = Times.minutesAfterMorningRun(60);
        List<User> created = List.of(
                store().create(Users.customer(1, Role.CUSTOMER, same)),
                store().create(Users.customer(2, Role.CUSTOMER, Times.minutesAfterMorningRun(10))),
                store().create(Users.customer(3, Role.CUSTOMER, same)),
                store().create(Users.customer(4, Role.CUSTOMER, Times.minutesAfterMorningRun(90))));

        Page<User> page = store().list(UserQuery.all(), PageRequest.first(10));

        assertThat(page.items()).extracting(User::userId)
                .containsExactly("user-customer-04", "user-customer-03", "user-customer-01", "user-customer-02");
        assertThat(page.items()).containsExactlyInAnyOrderElementsOf(created);
        assertThat(page.nextToken()).isEmpty();
    }

    @Test
    void answers_an_empty_last_page_when_there_are_no_users() {
        Page<User> page = store().list(UserQuery.all(), PageRequest.firstPage());

        assertThat(page.items()).isEmpty();
        assertThat(page.nextToken()).isEmpty();
    }

    @Test
    void visits_every_matching_user_exactly_once_across_pages() {
        List<User> customers = createManyUsers();
        List<User> expected = customers.stream().filter(u -> u.role() == Role.CUSTOMER).sorted(NEWEST_FIRST).toList();
        UserQuery onlyCustomers = new UserQuery(Optional.of(Role.CUSTOMER), Optional.empty());

        assertThat(Paging.walk(page -> store().list(onlyCustomers, page), 4)).containsExactlyElementsOf(expected);
        assertThat(Paging.walk(page -> store().list(onlyCustomers, page), 1)).containsExactlyElementsOf(expected);
        assertThat(Paging.walk(page -> store().list(UserQuery.all(), page), 7))
                .containsExactlyElementsOf(customers.stream().sorted(NEWEST_FIRST).toList());
    }

    @Test
    void gives_no_token_when_the_last_page_is_exactly_full() {
        createManyUsers();
        UserQuery vendors = new UserQuery(Optional.of(Role.VENDOR), Optional.empty());
        int vendorCount = store().list(vendors, PageRequest.first(100)).items().size();

        assertThat(vendorCount).isEqualTo(6);
        assertThat(store().list(vendors, PageRequest.first(6)).nextToken()).isEmpty();
        assertThat(Paging.countPages(page -> store().list(vendors, page), 3)).isEqualTo(2);
    }

    @Test
    void filters_by_text_in_the_email_or_the_name_ignoring_case() {
        store().create(Users.asha());
        store().create(Users.ravi());
        store().create(Users.meera());

        assertThat(idsMatching("ANAND-dairy")).containsExactly("user-ravi");
        assertThat(idsMatching("patel")).containsExactly("user-asha");
        assertThat(idsMatching("EXAMPLE")).containsExactly("user-meera", "user-ravi", "user-asha");
        assertThat(idsMatching("%")).isEmpty();
        assertThat(idsMatching("nobody")).isEmpty();
    }

    @Test
    void combines_the_role_and_text_filters() {
        createManyUsers();
        UserQuery query = new UserQuery(Optional.of(Role.VENDOR), Optional.of("CUSTOMER1"));

        assertThat(Paging.walk(page -> store().list(query, page), 2)).extracting(User::userId)
                .containsExactly("user-customer-18", "user-customer-15", "user-customer-12");
    }

    @Test
    void refuses_page_tokens_it_did_not_issue() {
        createManyUsers();
        String real = store().list(UserQuery.all(), PageRequest.first(3)).nextToken().orElseThrow();

        ForgedTokens.assertAllRefused(real, token -> store().list(UserQuery.all(), new PageRequest(3, token)));
    }

    @Test
    void refuses_a_token_issued_for_another_filter() {
        createManyUsers();
        UserQuery customers = new UserQuery(Optional.of(Role.CUSTOMER), Optional.empty());
        UserQuery vendors = new UserQuery(Optional.of(Role.VENDOR), Optional.empty());
        String customersToken = store().list(customers, PageRequest.first(2)).nextToken().orElseThrow();

        assertFailsWith("InvalidNextToken", () -> store().list(vendors, new PageRequest(2, customersToken)));
        assertThat(store().list(customers, new PageRequest(2, customersToken)).items()).hasSize(2);
    }

    /** Eighteen users about a minute apart; every third is a vendor, and some share their creation time. */
    private List<User> createManyUsers() {
        List<User> created = new ArrayList<>();
        for (int n = 1; n <= 18; n++) {
            Role role = n % 3 == 0 ? Role.VENDOR : Role.CUSTOMER;
            long minute = n == 8 || n == 9 ? 7 : n == 14 ? 13 : n;
            created.add(store().create(Users.customer(n, role, Times.minutesAfterMorningRun(minute))));
        }
        return created;
    }

    private List<String> idsMatching(String text) {
        return store().list(new UserQuery(Optional.empty(), Optional.of(text)), PageRequest.first(50)).items().stream()
                .map(User::userId).toList();
    }

    private static User withVersion(User u, long version) {
        return new User(u.userId(), u.email(), u.name(), u.phone(), u.role(), u.emailVerified(), u.disabled(),
                u.addresses(), u.createdAt(), u.updatedAt(), version);
    }

    private static User withEmail(User u, String email) {
        return new User(u.userId(), email, u.name(), u.phone(), u.role(), u.emailVerified(), u.disabled(),
                u.addresses(), u.createdAt(), u.updatedAt(), u.version());
    }

    private static User withId(User u, String userId) {
        return new User(userId, u.email(), u.name(), u.phone(), u.role(), u.emailVerified(), u.disabled(),
                u.addresses(), u.createdAt(), u.updatedAt(), u.version());
    }

    private static User withAddresses(User u, List<Address> addresses) {
        return new User(u.userId(), u.email(), u.name(), u.phone(), u.role(), u.emailVerified(), u.disabled(),
                addresses, u.createdAt(), u.updatedAt(), u.version());
    }
}
