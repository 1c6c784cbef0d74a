package com.milkrun.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.testing.Users;
import org.junit.jupiter.api.Test;

class InMemoryStoresTest {
    @Test
    void gives_fresh_empty_stores_each_time() {
        InMemoryStores first = InMemoryStores.create();
        first.users().create(Users.asha());

        InMemoryStores second = InMemoryStores.create();

        assertThat(second.users().get("user-asha")).isEmpty();
        assertThat(first.users().get("user-asha")).isPresent();
        assertThat(second.stock()).isNotSameAs(first.stock());
    }
}
