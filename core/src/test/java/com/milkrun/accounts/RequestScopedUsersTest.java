package com.milkrun.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.shared.RequestScope;
import com.milkrun.testing.CountingUsers;
import com.milkrun.testing.Times;
import com.milkrun.testing.Users;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestScopedUsersTest {
    private final CountingUsers store = new CountingUsers();
    private final RequestScopedUsers users = new RequestScopedUsers(store);

    @Test
    void reads_a_user_once_per_request() {
        store.put(Users.asha());

        try (RequestScope scope = RequestScope.open()) {
            assertThat(users.get("user-asha")).contains(Users.asha());
            assertThat(users.get("user-asha")).contains(Users.asha());
            assertThat(users.get("user-nobody")).isEmpty();
            assertThat(users.get("user-nobody")).isEmpty();
        }

        assertThat(store.reads()).isEqualTo(2);
    }

    @Test
    void reads_the_store_every_time_outside_a_request_and_forgets_when_the_request_ends() {
        store.put(Users.asha());

        users.get("user-asha");
        users.get("user-asha");
        try (RequestScope scope = RequestScope.open()) {
            users.get("user-asha");
        }
        try (RequestScope scope = RequestScope.open()) {
            users.get("user-asha");
        }

        assertThat(store.reads()).isEqualTo(4);
        assertThat(RequestScope.memory()).isEmpty();
    }

    @Test
    void a_joined_scope_keeps_the_outer_requests_memory() {
        store.put(Users.asha());

        try (RequestScope outer = RequestScope.open()) {
            try (RequestScope inner = RequestScope.open()) {
                users.get("user-asha");
            }
            users.get("user-asha");
            assertThat(RequestScope.memory()).isPresent();
        }

        assertThat(store.reads()).isEqualTo(1);
    }

    @Test
    void what_the_request_writes_is_what_it_reads_next() {
        store.put(Users.asha());

        try (RequestScope scope = RequestScope.open()) {
            User before = users.get("user-asha").orElseThrow();
            User renamed = users.update(before.withProfile("Asha R", before.phone(), Times.MORNING_RUN));

            assertThat(users.get("user-asha")).contains(renamed);
            assertThat(renamed.version()).isEqualTo(before.version() + 1);
        }
        assertThat(store.reads()).isEqualTo(1);
    }

    @Test
    void a_refused_write_makes_the_next_read_go_to_the_store() {
        store.put(Users.asha());

        try (RequestScope scope = RequestScope.open()) {
            User before = users.get("user-asha").orElseThrow();
            store.put(nextVersion(before.withProfile("Changed elsewhere", before.phone(), Times.MORNING_RUN)));

            assertThatThrownBy(() -> users.update(before.withProfile("Asha R", before.phone(), Times.MORNING_RUN)))
                    .isInstanceOf(ConcurrentModification.class);
            assertThat(users.get("user-asha").orElseThrow().name()).isEqualTo("Changed elsewhere");
        }
        assertThat(store.reads()).isEqualTo(2);
    }

    @Test
    void a_user_read_with_other_records_of_the_request_is_answered_without_a_read() {
        store.put(Users.asha());

        try (RequestScope scope = RequestScope.open()) {
            RequestScopedUsers.remember("user-asha", Optional.of(Users.asha()));
            RequestScopedUsers.remember("user-nobody", Optional.empty());

            assertThat(users.get("user-asha")).contains(Users.asha());
            assertThat(users.get("user-nobody")).isEmpty();
        }
        assertThat(store.reads()).isZero();
    }

    @Test
    void what_the_request_read_or_wrote_first_stands_against_a_user_handed_over_later() {
        store.put(Users.asha());

        try (RequestScope scope = RequestScope.open()) {
            User read = users.get("user-asha").orElseThrow();
            RequestScopedUsers.remember("user-asha", Optional.of(read.withProfile("Older copy", "", Times.MORNING_RUN)));

            assertThat(users.get("user-asha")).contains(read);
        }
        assertThat(store.reads()).isEqualTo(1);
    }

    @Test
    void a_user_handed_over_outside_a_request_is_not_remembered() {
        store.put(Users.asha());

        RequestScopedUsers.remember("user-asha", Optional.empty());

        assertThat(users.get("user-asha")).contains(Users.asha());
        assertThat(store.reads()).isEqualTo(1);
    }

    private static User nextVersion(User user) {
        return new User(user.userId(), user.email(), user.name(), user.phone(), user.role(), user.emailVerified(),
                user.disabled(), user.addresses(), user.createdAt(), user.updatedAt(), user.version() + 1);
    }
}
