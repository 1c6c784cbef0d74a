package com.milkrun.contract;

import static com.milkrun.contract.ContractAssertions.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.accounts.RefreshSession;
import com.milkrun.accounts.RefreshSession.Status;
import com.milkrun.accounts.SessionStore;
import com.milkrun.testing.Race;
import com.milkrun.testing.RefreshSessions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of every {@link SessionStore}: refresh sessions and their atomic status changes. */
public abstract class SessionStoreContract {
    /** A store with no sessions, the same instance for the whole test. */
    protected abstract SessionStore store();

    @Test
    void stores_a_session_and_reads_back_every_field() {
        store().create(RefreshSessions.ashasPhone());

        assertThat(store().find("hash-asha-phone-1")).contains(RefreshSessions.ashasPhone());
        assertThat(store().find("hash-unknown")).isEmpty();
    }

    @Test
    void rejects_a_second_session_with_the_same_token_hash() {
        store().create(RefreshSessions.ashasPhone());
        RefreshSession clash = RefreshSessions.active("hash-asha-phone-1", "user-ravi", "family-ravi");

        assertFailsWith("Conflict", () -> store().create(clash));
        assertThat(store().find("hash-asha-phone-1")).contains(RefreshSessions.ashasPhone());
    }

    @Test
    void moves_a_session_from_the_expected_status() {
        store().create(RefreshSessions.ashasPhone());

        assertThat(store().transition("hash-asha-phone-1", Status.ACTIVE, Status.ROTATED)).isTrue();

        assertThat(store().find("hash-asha-phone-1").orElseThrow().status()).isEqualTo(Status.ROTATED);
    }

    @Test
    void refuses_to_move_a_session_that_is_not_in_the_expected_status() {
        store().create(RefreshSessions.ashasPhone());

        assertThat(store().transition("hash-asha-phone-1", Status.ROTATED, Status.REVOKED)).isFalse();
        assertThat(store().transition("hash-unknown", Status.ACTIVE, Status.ROTATED)).isFalse();

        assertThat(store().find("hash-asha-phone-1").orElseThrow().status()).isEqualTo(Status.ACTIVE);
        assertThat(store().find("hash-unknown")).isEmpty();
    }

    @Test
    void revokes_every_session_of_one_family_only() {
        RefreshSession rotated = RefreshSessions.ashasPhone();
        RefreshSession successor = RefreshSessions.active("hash-asha-phone-2", "user-asha", "family-asha-phone");
        store().create(rotated);
        store().create(successor);
        store().create(RefreshSessions.ashasLaptop());
        store().transition(rotated.tokenHash(), Status.ACTIVE, Status.ROTATED);

        store().revokeFamily("family-asha-phone");
        store().revokeFamily("family-unknown");

        assertThat(statusOf(rotated.tokenHash())).isEqualTo(Status.REVOKED);
        assertThat(statusOf(successor.tokenHash())).isEqualTo(Status.REVOKED);
        assertThat(statusOf("hash-asha-laptop-1")).isEqualTo(Status.ACTIVE);
    }

    @Test
    void revokes_every_session_of_one_user_only() {
        store().create(RefreshSessions.ashasPhone());
        store().create(RefreshSessions.ashasLaptop());
        store().create(RefreshSessions.ravis());

        store().revokeAllOf("user-asha");

        assertThat(statusOf("hash-asha-phone-1")).isEqualTo(Status.REVOKED);
        assertThat(statusOf("hash-asha-laptop-1")).isEqualTo(Status.REVOKED);
        assertThat(statusOf("hash-ravi-1")).isEqualTo(Status.ACTIVE);
        assertThat(store().find("hash-ravi-1")).contains(RefreshSessions.ravis());
    }

    @Test
    void lets_exactly_one_of_many_racing_refreshes_rotate_a_session() {
        for (int round = 0; round < 20; round++) {
            String hash = "hash-race-" + round;
            store().create(RefreshSessions.active(hash, "user-asha", "family-race-" + round));

            List<Race.Outcome<Boolean>> outcomes =
                    Race.run(8, racer -> store().transition(hash, Status.ACTIVE, Status.ROTATED));

            assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
            assertThat(outcomes).filteredOn(o -> Boolean.TRUE.equals(o.value())).as("winners of round %d", round)
                    .hasSize(1);
            assertThat(statusOf(hash)).isEqualTo(Status.ROTATED);
        }
    }

    private Status statusOf(String tokenHash) {
        return store().find(tokenHash).orElseThrow().status();
    }
}
