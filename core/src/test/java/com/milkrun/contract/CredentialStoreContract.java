package com.milkrun.contract;

import static com.milkrun.contract.ContractAssertions.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.accounts.Credential;
import com.milkrun.accounts.CredentialStore;
import com.milkrun.accounts.OneTimeCode;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.testing.Credentials;
import com.milkrun.testing.Times;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of every {@link CredentialStore}: credentials with unique emails, and one-time codes. */
public abstract class CredentialStoreContract {
    /** A store with no credentials and no codes, the same instance for the whole test. */
    protected abstract CredentialStore store();

    @Test
    void stores_a_new_credential_at_version_1_and_reads_back_every_field() {
        Credential created = store().create(Credentials.ashas());

        assertThat(created).isEqualTo(withVersion(Credentials.ashas(), 1));
        assertThat(store().get("user-asha")).contains(created);
        assertThat(store().create(Credentials.ravis())).isEqualTo(withVersion(Credentials.ravis(), 1));
        assertThat(store().get("user-ravi")).contains(withVersion(Credentials.ravis(), 1));
    }

    @Test
    void stores_the_email_in_lower_case_and_finds_it_in_any_case() {
        Credential created = store().create(withEmail(Credentials.ashas(), "ASHA@Example.com"));

        assertThat(created.email()).isEqualTo("asha@example.com");
        assertThat(store().findByEmail("Asha@EXAMPLE.com")).contains(created);
        assertThat(store().findByEmail("someone@example.com")).isEmpty();
        assertThat(store().get("user-nobody")).isEmpty();
    }

    @Test
    void rejects_a_second_credential_for_the_same_email_or_user() {
        store().create(Credentials.ashas());
        Credential sameEmail = new Credential("user-other", "ASHA@example.com", "hash", false, 0, Optional.empty(), 0);
        Credential sameUser = withEmail(Credentials.ashas(), "asha.second@example.com");

        var e = assertFailsWith("UserExists", () -> store().create(sameEmail));
        assertFailsWith("UserExists", () -> store().create(sameUser));

        assertThat(e.getMessage()).isEqualTo("User with this email already exists");
        assertThat(store().get("user-other")).isEmpty();
        assertThat(store().findByEmail("asha.second@example.com")).isEmpty();
    }

    @Test
    void replaces_a_credential_and_bumps_the_version() {
        Credential stored = store().create(Credentials.ashas());
        Credential locked = stored.withFailedAttempts(0, Optional.of(Times.minutesAfterMorningRun(15)));

        Credential updated = store().update(locked);

        assertThat(updated).isEqualTo(withVersion(locked, 2));
        assertThat(store().get("user-asha")).contains(updated);
        Credential reset = store().update(updated.withPasswordHash("$2a$10$new-hash"));
        assertThat(reset.version()).isEqualTo(3);
        assertThat(store().findByEmail("asha@example.com").orElseThrow().lockedUntil()).isEmpty();
    }

    @Test
    void rejects_a_stale_update_and_keeps_the_first_writers_change() {
        store().create(Credentials.ashas());
        Credential firstReader = store().get("user-asha").orElseThrow();
        Credential secondReader = store().get("user-asha").orElseThrow();

        Credential firstWrite = store().update(firstReader.withFailedAttempts(3, Optional.empty()));

        assertThatThrownBy(() -> store().update(secondReader.withPasswordHash("other")))
                .isInstanceOf(ConcurrentModification.class);
        assertThat(store().get("user-asha")).contains(firstWrite);
    }

    @Test
    void rejects_an_update_of_a_missing_credential_as_not_found() {
        assertFailsWith("NotFound", () -> store().update(withVersion(Credentials.ashas(), 1)));
    }

    @Test
    void deletes_a_credential_with_its_codes_and_ignores_unknown_users() {
        store().create(Credentials.ashas());
        store().create(Credentials.ravis());
        store().saveCode(Credentials.ashasVerificationCode());

        store().delete("user-asha");
        store().delete("user-nobody");

        assertThat(store().get("user-asha")).isEmpty();
        assertThat(store().findByEmail("asha@example.com")).isEmpty();
        assertThat(store().findCode("user-asha", OneTimeCode.Purpose.VERIFY_EMAIL)).isEmpty();
        assertThat(store().get("user-ravi")).isPresent();
        assertThat(store().create(Credentials.ashas()).version()).isEqualTo(1);
    }

    @Test
    void keeps_one_code_per_user_and_purpose() {
        store().saveCode(Credentials.ashasVerificationCode());
        store().saveCode(Credentials.ashasResetCode());

        assertThat(store().findCode("user-asha", OneTimeCode.Purpose.VERIFY_EMAIL))
                .contains(Credentials.ashasVerificationCode());
        assertThat(store().findCode("user-asha", OneTimeCode.Purpose.RESET_PASSWORD))
                .contains(Credentials.ashasResetCode());
        assertThat(store().findCode("user-ravi", OneTimeCode.Purpose.VERIFY_EMAIL)).isEmpty();
    }

    @Test
    void replaces_an_earlier_code_for_the_same_purpose() {
        store().saveCode(Credentials.ashasVerificationCode());
        OneTimeCode fewerTries = Credentials.ashasVerificationCode().withAttemptsLeft(2);
        OneTimeCode newCode = new OneTimeCode("user-asha", OneTimeCode.Purpose.VERIFY_EMAIL, "new-hash",
                Times.minutesAfterMorningRun(90), 5, Times.minutesAfterMorningRun(0), 3);

        store().saveCode(fewerTries);
        assertThat(store().findCode("user-asha", OneTimeCode.Purpose.VERIFY_EMAIL)).contains(fewerTries);
        store().saveCode(newCode);
        assertThat(store().findCode("user-asha", OneTimeCode.Purpose.VERIFY_EMAIL)).contains(newCode);
    }

    @Test
    void deletes_only_the_code_of_the_given_purpose() {
        store().saveCode(Credentials.ashasVerificationCode());
        store().saveCode(Credentials.ashasResetCode());

        store().deleteCode("user-asha", OneTimeCode.Purpose.VERIFY_EMAIL);
        store().deleteCode("user-nobody", OneTimeCode.Purpose.VERIFY_EMAIL);

        assertThat(store().findCode("user-asha", OneTimeCode.Purpose.VERIFY_EMAIL)).isEmpty();
        assertThat(store().findCode("user-asha", OneTimeCode.Purpose.RESET_PASSWORD)).isPresent();
    }

    private static Credential withVersion(Credential c, long version) {
        return new Credential(c.userId(), c.email(), c.passwordHash(), c.emailVerified(), c.failedAttempts(),
                c.lockedUntil(), version);
    }

    private static Credential withEmail(Credential c, String email) {
        return new Credential(c.userId(), email, c.passwordHash(), c.emailVerified(), c.failedAttempts(),
                c.lockedUntil(), c.version());
    }
}
