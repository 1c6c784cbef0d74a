package com.milkrun.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.accounts.SigningKey;
import com.milkrun.accounts.SigningKeyStore;
import com.milkrun.testing.Race;
import com.milkrun.testing.SigningKeys;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of every {@link SigningKeyStore}: the first key stored stays the one in use. */
public abstract class SigningKeyStoreContract {
    /** A store with no key, the same instance for the whole test. */
    protected abstract SigningKeyStore store();

    @Test
    void has_no_current_key_at_first() {
        assertThat(store().current()).isEmpty();
    }

    @Test
    void stores_the_first_key_and_reads_back_every_field() {
        SigningKey kept = store().saveIfAbsent(SigningKeys.morningKey());

        assertThat(kept).isEqualTo(SigningKeys.morningKey());
        assertThat(store().current()).contains(SigningKeys.morningKey());
    }

    @Test
    void keeps_the_first_key_when_another_is_offered_later() {
        store().saveIfAbsent(SigningKeys.morningKey());

        assertThat(store().saveIfAbsent(SigningKeys.eveningKey())).isEqualTo(SigningKeys.morningKey());
        assertThat(store().saveIfAbsent(SigningKeys.morningKey())).isEqualTo(SigningKeys.morningKey());
        assertThat(store().current()).contains(SigningKeys.morningKey());
    }

    @Test
    void lets_exactly_one_of_many_racing_processes_store_its_key() {
        List<Race.Outcome<SigningKey>> outcomes = Race.run(8, racer -> store().saveIfAbsent(SigningKeys.numbered(racer)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        SigningKey winner = store().current().orElseThrow();
        assertThat(outcomes).allSatisfy(o -> assertThat(o.value()).isEqualTo(winner));
        assertThat(winner.keyId()).startsWith("key-");
    }
}
