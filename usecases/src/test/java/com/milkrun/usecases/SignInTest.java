package com.milkrun.usecases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.access.Principal;
import com.milkrun.access.Role;
import com.milkrun.accounts.EmailVerification;
import com.milkrun.accounts.Login;
import com.milkrun.accounts.PasswordReset;
import com.milkrun.accounts.Registration;
import com.milkrun.accounts.SignIn;
import com.milkrun.accounts.User;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.FieldError;
import com.milkrun.shared.ValidationException;
import com.milkrun.testing.Times;
import com.milkrun.testing.Users;
import org.junit.jupiter.api.Test;

class SignInTest {
    private final Platform platform = new Platform();
    private final SignIn signIn = new SignIn(platform.stores.users(), platform.identity, platform.clock);

    @Test
    void registers_an_unverified_customer_with_a_clean_email_and_creates_their_identity() {
        User user = signIn.register(new Registration("  Priya.Shah@Example.com ", "Fresh@Milk1", " Priya Shah ", null));

        assertThat(user.role()).isEqualTo(Role.CUSTOMER);
        assertThat(user.emailVerified()).isFalse();
        assertThat(user.email()).isEqualTo("priya.shah@example.com");
        assertThat(user.createdAt()).isEqualTo(Times.MORNING_RUN);
        assertThat(platform.stores.users().findByEmail("priya.shah@example.com")).contains(user);
        assertThat(platform.identity.calls).containsExactly("signUp priya.shah@example.com");
    }

    @Test
    void names_every_missing_registration_field_in_one_answer() {
        assertThatThrownBy(() -> signIn.register(new Registration(" ", null, "", "+919800000000")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Email, password, and name are required");
                    assertThat(e.errors()).extracting(FieldError::code)
                            .containsExactly("MISSING_EMAIL", "MISSING_PASSWORD", "MISSING_NAME");
                });
        assertThat(platform.identity.calls).isEmpty();
    }

    @Test
    void refuses_an_email_that_is_already_registered_before_creating_an_identity() {
        platform.stored(Users.asha());

        assertThatThrownBy(() -> signIn.register(new Registration("ASHA@example.com", "Fresh@Milk1", "Asha", null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("UserExists"));
        assertThat(platform.identity.calls).isEmpty();
    }

    @Test
    void a_confirmed_code_marks_the_profile_verified() {
        User user = signIn.register(new Registration("priya@example.com", "Fresh@Milk1", "Priya", null));

        signIn.verifyEmail(new EmailVerification("Priya@Example.com", RecordingIdentityProvider.GOOD_CODE));

        assertThat(platform.stores.users().get(user.userId()).orElseThrow().emailVerified()).isTrue();
    }

    @Test
    void a_wrong_code_leaves_the_profile_unverified() {
        User user = signIn.register(new Registration("priya@example.com", "Fresh@Milk1", "Priya", null));

        assertThatThrownBy(() -> signIn.verifyEmail(new EmailVerification("priya@example.com", "000000")))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("InvalidCode"));
        assertThat(platform.stores.users().get(user.userId()).orElseThrow().emailVerified()).isFalse();
    }

    @Test
    void signs_in_with_the_email_in_any_case() {
        signIn.register(new Registration("priya@example.com", "Fresh@Milk1", "Priya", null));

        assertThat(signIn.login(new Login("PRIYA@Example.com", "Fresh@Milk1")).user().email()).isEqualTo("priya@example.com");
    }

    @Test
    void checks_the_input_before_asking_the_identity_provider() {
        assertThatThrownBy(() -> signIn.login(new Login("not-an-email", ""))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("email", "password"));
        assertThatThrownBy(() -> signIn.resetPassword(new PasswordReset("priya@example.com", null, null)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("code", "newPassword"));
        assertThatThrownBy(() -> signIn.refresh(" ")).isInstanceOf(ValidationException.class);
        assertThat(platform.identity.calls).isEmpty();
    }

    @Test
    void a_disabled_user_is_refused_with_every_valid_token() {
        User meera = platform.stored(Users.meera());

        assertThatThrownBy(() -> signIn.authenticate(meera.userId()))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("AccountDisabled"));
    }

    @Test
    void identifies_the_caller_with_the_role_stored_now() {
        User ravi = platform.stored(Users.ravi());

        Principal caller = signIn.authenticate(ravi.userId());

        assertThat(caller).isEqualTo(new Principal("user-ravi", "ravi@anand-dairy.example", "Ravi Shah", Role.VENDOR));
        assertThatThrownBy(() -> signIn.authenticate("user-gone"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("Unauthorized"));
    }
}
