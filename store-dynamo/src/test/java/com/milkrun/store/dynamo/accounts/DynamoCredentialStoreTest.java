package com.milkrun.store.dynamo.accounts;

import static com.milkrun.contract.ContractAssertions.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.accounts.Credential;
import com.milkrun.accounts.CredentialStore;
import com.milkrun.contract.CredentialStoreContract;
import com.milkrun.store.dynamo.testing.DynamoTables;
import com.milkrun.testing.Credentials;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoCredentialStoreTest extends CredentialStoreContract {
    private CredentialStore store;

    @BeforeEach
    void freshStore() {
        store = new DynamoCredentialStore(DynamoTables.client(), DynamoTables.fresh(DynamoCredentialStore.TABLE));
    }

    @Override
    protected CredentialStore store() {
        return store;
    }

    @Test
    void moves_the_email_item_when_the_email_changes() {
        Credential stored = store.create(Credentials.ashas());

        Credential moved = store.update(withEmail(stored, "Asha.New@example.com"));

        assertThat(moved.email()).isEqualTo("asha.new@example.com");
        assertThat(store.findByEmail("asha.new@example.com")).contains(moved);
        assertThat(store.findByEmail("asha@example.com")).isEmpty();
        assertThat(store.create(withEmail(Credentials.ravis(), "asha@example.com")).version()).isEqualTo(1);
    }

    @Test
    void refuses_to_move_to_an_email_another_credential_has() {
        Credential asha = store.create(Credentials.ashas());
        store.create(Credentials.ravis());

        var e = assertFailsWith("UserExists", () -> store.update(withEmail(asha, "RAVI@anand-dairy.example")));

        assertThat(e.getMessage()).isEqualTo("User with this email already exists");
        assertThat(store.get("user-asha")).contains(asha);
        assertThat(store.findByEmail("asha@example.com")).contains(asha);
        assertThat(store.findByEmail("ravi@anand-dairy.example").orElseThrow().userId()).isEqualTo("user-ravi");
    }

    private static Credential withEmail(Credential c, String email) {
        return new Credential(c.userId(), email, c.passwordHash(), c.emailVerified(), c.failedAttempts(),
                c.lockedUntil(), c.version());
    }
}
