package com.milkrun.identity.cognito;

import static com.milkrun.identity.cognito.PoolFixture.PASSWORD;
import static com.milkrun.identity.cognito.PoolFixture.assertRefused;
import static com.milkrun.identity.cognito.PoolFixture.newEmail;
import static com.milkrun.identity.cognito.PoolFixture.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.access.Role;
import com.milkrun.accounts.AuthTokens;
import com.milkrun.accounts.Registration;
import com.milkrun.accounts.SignIn;
import com.milkrun.accounts.TokenService;
import com.milkrun.accounts.User;
import com.milkrun.accounts.UserQuery;
import com.milkrun.accounts.UserStore;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserType;

/** The Cognito identity provider against the local Cognito server, one fresh user pool per test. */
class CognitoIdentityProviderTest {
    private final PoolFixture fixture = new PoolFixture();
    private final CognitoIdentityProvider provider = fixture.provider;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aNewUserSignsUpConfirmsSignsInRefreshesAndSignsOut() throws ParseException {
        String email = newEmail("asha");
        User asha = fixture.signUp(email);
        assertThat(fixture.identity(email).userStatus()).isEqualTo(UserStatusType.UNCONFIRMED);

        provider.confirmSignUp(email, fixture.server.awaitCode(email, 0));
        assertThat(fixture.identity(email).userStatus()).isEqualTo(UserStatusType.CONFIRMED);

        AuthTokens signedIn = provider.signIn(email, PASSWORD);
        assertThat(signedIn.user()).isEqualTo(fixture.users.get(asha.userId()).orElseThrow());
        assertThat(signedIn.accessToken()).isNotBlank();
        assertThat(signedIn.refreshToken()).isNotBlank();
        assertThat(signedIn.expiresIn()).isEqualTo(3600);

        TokenService.VerifiedToken verified = provider.verify(signedIn.idToken());
        assertThat(verified.userId()).isEqualTo(asha.userId());
        assertThat(verified.email()).isEqualTo(email);
        assertThat(verified.expiresAt()).isAfter(Instant.now().plusSeconds(3500));
        IdTokenVerifier.IdToken idToken = IdTokenVerifier.forPool(fixture.pool.settings(), Clock.systemUTC())
                .verify(signedIn.idToken());
        assertThat(idToken.roles()).containsExactly(Role.CUSTOMER);
        assertThat(idToken.sub()).isNotBlank().isNotEqualTo(asha.userId());

        AuthTokens refreshed = provider.refresh(signedIn.refreshToken());
        assertThat(refreshed.idToken()).isNotEqualTo(signedIn.idToken());
        assertThat(provider.verify(refreshed.idToken()).userId()).isEqualTo(asha.userId());
        assertThat(refreshed.refreshToken()).isEqualTo(signedIn.refreshToken());
        assertThat(refreshed.user().userId()).isEqualTo(asha.userId());
        assertThat(SignedJWT.parse(refreshed.idToken()).getJWTClaimsSet().getStringListClaim("cognito:groups"))
                .containsExactly("Customer");

        provider.signOut(signedIn.refreshToken());
        assertRefused(() -> provider.refresh(signedIn.refreshToken()), Failure.UNAUTHENTICATED, "InvalidRefreshToken",
                "Invalid or expired refresh token. Please login again.");
    }

    @Test
    void theIdentityCarriesTheMilkRunUserIdAndIsInTheGroupOfItsRole() {
        String email = newEmail("ravi");
        User ravi = fixture.signUp(email);

        Map<String, String> attributes = fixture.identity(email).userAttributes().stream()
                .collect(Collectors.toMap(AttributeType::name, AttributeType::value));
        assertThat(attributes).containsEntry("custom:userId", ravi.userId()).containsEntry("email", email)
                .containsEntry("name", "Asha Patel").containsEntry("phone_number", "+919876543210");
        assertThat(membersOf(Role.CUSTOMER)).containsExactly(email);
        assertThat(membersOf(Role.VENDOR)).isEmpty();
    }

    @Test
    void aUserWithoutPhoneSignsUpWithoutOne() {
        String email = newEmail("nophone");
        User user = new User(newUser(email).userId(), email, "Meera Iyer", "", Role.CUSTOMER, false, false, List.of(),
                Instant.now(), Instant.now(), 0);
        provider.signUp(user, PASSWORD);

        assertThat(fixture.identity(email).userAttributes()).extracting(AttributeType::name)
                .doesNotContain("phone_number");
    }

    @Test
    void signingUpTwiceWithOneEmailIsUserExists() {
        String email = newEmail("twice");
        fixture.signUp(email);

        assertRefused(() -> provider.signUp(newUser(email), PASSWORD), Failure.CONFLICT, "UserExists",
                "User with this email already exists");
    }

    @Test
    void aWeakPasswordIsRefusedBeforeAnyIdentityIsMade() {
        String email = newEmail("weak");

        assertThatThrownBy(() -> provider.signUp(newUser(email), "milk"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.error()).isEqualTo("InvalidPassword");
                    assertThat(e.getMessage()).startsWith("Password must contain at least 8 characters");
                    assertThat(e.details()).containsKey("unmetRules");
                });
        assertThatThrownBy(() -> fixture.identity(email)).isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void aWrongPasswordOrAnUnknownEmailIsInvalidCredentials() {
        String email = newEmail("wrong");
        fixture.signUpConfirmed(email);

        assertRefused(() -> provider.signIn(email, "Sour-Milk-2026"), Failure.UNAUTHENTICATED, "InvalidCredentials",
                "Invalid email or password");
        assertRefused(() -> provider.signIn(newEmail("nobody"), PASSWORD), Failure.UNAUTHENTICATED,
                "InvalidCredentials", "Invalid email or password");
    }

    @Test
    void anUnconfirmedUserWithTheRightPasswordIsEmailNotVerifiedAndWithAWrongOneInvalidCredentials() {
        String email = newEmail("unconfirmed");
        fixture.signUp(email);

        assertRefused(() -> provider.signIn(email, PASSWORD), Failure.FORBIDDEN, "EmailNotVerified",
                "Please verify your email before logging in");
        assertRefused(() -> provider.signIn(email, "Sour-Milk-2026"), Failure.UNAUTHENTICATED, "InvalidCredentials",
                "Invalid email or password");
    }

    @Test
    void aWrongOrUnknownCodeIsInvalidCodeAndASecondConfirmationAlreadyVerified() {
        String email = newEmail("code");
        fixture.signUp(email);
        String code = fixture.server.awaitCode(email, 0);

        assertRefused(() -> provider.confirmSignUp(email, otherThan(code)), Failure.INVALID, "InvalidCode",
                "Invalid verification code");
        assertRefused(() -> provider.confirmSignUp(newEmail("nobody"), code), Failure.INVALID, "InvalidCode",
                "Invalid verification code");
        provider.confirmSignUp(email, " " + code + " ");
        assertRefused(() -> provider.confirmSignUp(email, code), Failure.CONFLICT, "AlreadyVerified",
                "Email is already verified. You can now login.");
    }

    @Test
    void aResentCodeReplacesTheFirstAndResendingIsSilentForConfirmedAndUnknownEmails() {
        String email = newEmail("resend");
        fixture.signUp(email);
        String first = fixture.server.awaitCode(email, 0);

        provider.resendCode(email);
        String second = fixture.server.awaitCode(email, 1);

        if (!second.equals(first)) {
            assertRefused(() -> provider.confirmSignUp(email, first), Failure.INVALID, "InvalidCode",
                    "Invalid verification code");
        }
        provider.confirmSignUp(email, second);
        provider.resendCode(email);
        provider.resendCode(newEmail("nobody"));
        assertThat(fixture.server.codesSentTo(email)).hasSize(2);
    }

    @Test
    void aForgottenPasswordIsResetWithTheEmailedCodeAndEndsEverySignIn() {
        String email = newEmail("forgot");
        fixture.signUpConfirmed(email);
        AuthTokens before = provider.signIn(email, PASSWORD);

        provider.forgotPassword(email);
        String code = fixture.server.awaitCode(email, 1);
        assertRefused(() -> provider.confirmForgotPassword(email, otherThan(code), "Fresh-Curd-2027"), Failure.INVALID,
                "InvalidCode", "Invalid verification code");
        assertThatThrownBy(() -> provider.confirmForgotPassword(email, code, "curd"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.error()).isEqualTo("InvalidPassword"));
        provider.confirmForgotPassword(email, code, "Fresh-Curd-2027");

        assertRefused(() -> provider.signIn(email, PASSWORD), Failure.UNAUTHENTICATED, "InvalidCredentials",
                "Invalid email or password");
        assertThat(provider.signIn(email, "Fresh-Curd-2027").user().email()).isEqualTo(email);
        assertRefused(() -> provider.refresh(before.refreshToken()), Failure.UNAUTHENTICATED, "InvalidRefreshToken",
                "Invalid or expired refresh token. Please login again.");
    }

    @Test
    void aResetForAnUnknownEmailIsSilentAndItsCodeInvalid() {
        String email = newEmail("nobody");

        provider.forgotPassword(email);

        assertThat(fixture.server.codesSentTo(email)).isEmpty();
        assertRefused(() -> provider.confirmForgotPassword(email, "123456", "Fresh-Curd-2027"), Failure.INVALID,
                "InvalidCode", "Invalid verification code");
    }

    @Test
    void signingOutEverywhereEndsEverySignInOfTheUserOnly() {
        String email = newEmail("everywhere");
        User user = fixture.signUpConfirmed(email);
        AuthTokens phone = provider.signIn(email, PASSWORD);
        AuthTokens laptop = provider.signIn(email, PASSWORD);
        String otherEmail = newEmail("bystander");
        fixture.signUpConfirmed(otherEmail);
        AuthTokens other = provider.signIn(otherEmail, PASSWORD);

        provider.signOutEverywhere(user.userId());

        for (AuthTokens tokens : List.of(phone, laptop)) {
            assertRefused(() -> provider.refresh(tokens.refreshToken()), Failure.UNAUTHENTICATED, "InvalidRefreshToken",
                    "Invalid or expired refresh token. Please login again.");
        }
        assertThat(provider.refresh(other.refreshToken()).user().email()).isEqualTo(otherEmail);
        provider.signOutEverywhere("user-unknown");
    }

    @Test
    void signingOutWithAnUnknownTokenIsIgnoredAndRefreshingWithOneRefused() {
        provider.signOut("not-a-refresh-token");

        assertRefused(() -> provider.refresh("not-a-refresh-token"), Failure.UNAUTHENTICATED, "InvalidRefreshToken",
                "Invalid or expired refresh token. Please login again.");
    }

    @Test
    void aDisabledUserCannotSignInNorRefresh() {
        String email = newEmail("disabled");
        User user = fixture.signUpConfirmed(email);
        AuthTokens before = provider.signIn(email, PASSWORD);
        fixture.users.update(fixture.users.get(user.userId()).orElseThrow().withDisabled(true, Instant.now()));

        assertRefused(() -> provider.signIn(email, PASSWORD), Failure.FORBIDDEN, "AccountDisabled",
                "This account has been disabled. Please contact support.");
        assertRefused(() -> provider.refresh(before.refreshToken()), Failure.UNAUTHENTICATED, "InvalidRefreshToken",
                "Invalid or expired refresh token. Please login again.");
    }

    @Test
    void anIdentityWithoutAMilkRunProfileCannotSignIn() {
        String email = newEmail("orphan");
        User user = newUser(email);
        provider.signUp(user, PASSWORD);
        provider.confirmSignUp(email, fixture.server.awaitCode(email, 0));

        assertRefused(() -> provider.signIn(email, PASSWORD), Failure.UNAUTHENTICATED, "InvalidCredentials",
                "Invalid email or password");
    }

    @Test
    void deletingTheIdentityOfASignUpWhoseProfileWasNeverStoredFreesTheEmail() {
        String email = newEmail("undo");
        User user = newUser(email);
        provider.signUp(user, PASSWORD);

        provider.deleteIdentity(user.userId());

        assertThatThrownBy(() -> fixture.identity(email)).isInstanceOf(UserNotFoundException.class);
        fixture.signUp(email);
        assertThat(fixture.identity(email).userStatus()).isEqualTo(UserStatusType.UNCONFIRMED);
        provider.deleteIdentity("user-unknown");
    }

    @Test
    void aRegistrationWhoseProfileCannotBeStoredLeavesNoIdentityBehind() {
        String email = newEmail("storefails");
        IllegalStateException outage = new IllegalStateException("user store unavailable");
        SignIn signIn = new SignIn(new UnwritableUsers(fixture.users, outage), provider, Clock.systemUTC());

        assertThatThrownBy(() -> signIn.register(new Registration(email, PASSWORD, "Asha Patel", ""))).isSameAs(outage);

        assertThatThrownBy(() -> fixture.identity(email)).isInstanceOf(UserNotFoundException.class);
        assertThat(fixture.signUp(email).email()).isEqualTo(email);
    }

    @Test
    void movingToTheGroupOfANewRoleChangesTheGroupsOfLaterTokens() throws ParseException {
        String email = newEmail("promoted");
        User user = fixture.signUpConfirmed(email);

        assertThat(provider.moveToRoleGroup(user.userId(), Role.VENDOR)).isTrue();

        assertThat(membersOf(Role.VENDOR)).containsExactly(email);
        assertThat(membersOf(Role.CUSTOMER)).isEmpty();
        String idToken = provider.signIn(email, PASSWORD).idToken();
        assertThat(SignedJWT.parse(idToken).getJWTClaimsSet().getStringListClaim("cognito:groups"))
                .containsExactly("Vendor");
        assertThat(provider.moveToRoleGroup("user-unknown", Role.ADMIN)).isFalse();
    }

    private List<String> membersOf(Role role) {
        return fixture.client.listUsersInGroup(b -> b.userPoolId(fixture.pool.id()).groupName(role.wireName()))
                .users().stream()
                .map(UserType::attributes)
                .map(attributes -> attributes.stream().filter(a -> a.name().equals("email")).findFirst().orElseThrow()
                        .value())
                .toList();
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    /** A user store that reads but cannot create. */
    private record UnwritableUsers(UserStore store, RuntimeException failure) implements UserStore {
        @Override
        public User create(User user) {
            throw failure;
        }

        @Override
        public Optional<User> get(String userId) {
            return store.get(userId);
        }

        @Override
        public Optional<User> findByEmail(String email) {
            return store.findByEmail(email);
        }

        @Override
        public User update(User user) {
            return store.update(user);
        }

        @Override
        public Page<User> list(UserQuery query, PageRequest page) {
            return store.list(query, page);
        }
    }
}
