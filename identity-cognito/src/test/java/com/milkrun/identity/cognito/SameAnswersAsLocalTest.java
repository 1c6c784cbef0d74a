package com.milkrun.identity.cognito;

import static com.milkrun.identity.cognito.PoolFixture.PASSWORD;
import static com.milkrun.identity.cognito.PoolFixture.newEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.access.Principal;
import com.milkrun.accounts.AuthTokens;
import com.milkrun.accounts.EmailVerification;
import com.milkrun.accounts.IdentityProvider;
import com.milkrun.accounts.LocalIdentityProvider;
import com.milkrun.accounts.Login;
import com.milkrun.accounts.Registration;
import com.milkrun.accounts.SignIn;
import com.milkrun.accounts.User;
import com.milkrun.accounts.UserStore;
import com.milkrun.identity.BcryptPasswordHasher;
import com.milkrun.identity.JwtTokenService;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.Notifications;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import com.milkrun.shared.PageRequest;
import com.milkrun.store.memory.InMemoryStores;
import com.milkrun.stores.Stores;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The same situations played through {@link SignIn} on MilkRun's own identity provider and on the Cognito one: every
 * refusal must have the same kind, {@code error}, message and details, and every success the same outcome, so that
 * clients cannot tell which provider is behind the API.
 */
class SameAnswersAsLocalTest {
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final String NEW_PASSWORD = "Fresh-Curd-2027";

    private final PoolFixture pool = new PoolFixture();
    private final Side cognito = new Side("cognito", pool.users, pool.provider,
            (email, index) -> pool.server.awaitCode(email, index));
    private final Side local = localSide();

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void registeringAnEmailTwiceIsUserExists() {
        sameAnswer("UserExists", side -> {
            String email = side.email("twice");
            side.register(email);
            side.register(email);
        });
    }

    @Test
    void aWeakPasswordIsInvalidPasswordNamingEveryUnmetRule() {
        sameAnswer("InvalidPassword", side -> side.identity.signUp(PoolFixture.newUser(side.email("weak")), "milk"));
        sameAnswer("InvalidPassword", side -> {
            String email = side.verified("weakreset");
            side.identity.forgotPassword(email);
            side.identity.confirmForgotPassword(email, side.code(email, 1), "MILKMILKMILK");
        });
    }

    @Test
    void signingInWithAnUnknownEmailOrAWrongPasswordIsInvalidCredentials() {
        sameAnswer("InvalidCredentials", side -> side.signIn.login(new Login(side.email("nobody"), PASSWORD)));
        sameAnswer("InvalidCredentials", side -> side.signIn.login(new Login(side.verified("wrong"), "Sour-Milk-2026")));
    }

    @Test
    void signingInBeforeVerifyingIsEmailNotVerified() {
        sameAnswer("EmailNotVerified", side -> {
            String email = side.email("early");
            side.register(email);
            side.signIn.login(new Login(email, PASSWORD));
        });
    }

    @Test
    void aWrongCodeOrAnUnknownEmailIsInvalidCodeAndVerifyingTwiceAlreadyVerified() {
        sameAnswer("InvalidCode", side -> {
            String email = side.email("wrongcode");
            side.register(email);
            side.signIn.verifyEmail(new EmailVerification(email, otherThan(side.code(email, 0))));
        });
        sameAnswer("InvalidCode", side -> side.signIn.verifyEmail(new EmailVerification(side.email("nobody"), "123456")));
        sameAnswer("AlreadyVerified", side -> {
            String email = side.verified("twice");
            side.signIn.verifyEmail(new EmailVerification(email, side.code(email, 0)));
        });
    }

    @Test
    void aWrongResetCodeOrAnUnknownEmailIsInvalidCode() {
        sameAnswer("InvalidCode", side -> {
            String email = side.verified("wrongreset");
            side.identity.forgotPassword(email);
            side.identity.confirmForgotPassword(email, otherThan(side.code(email, 1)), NEW_PASSWORD);
        });
        sameAnswer("InvalidCode", side -> side.identity.confirmForgotPassword(side.email("nobody"), "123456", NEW_PASSWORD));
    }

    @Test
    void anUnknownRefreshTokenOrOneSignedOutIsInvalidRefreshToken() {
        sameAnswer("InvalidRefreshToken", side -> side.signIn.refresh("not-a-refresh-token"));
        sameAnswer("InvalidRefreshToken", side -> {
            AuthTokens tokens = side.signIn.login(new Login(side.verified("out"), PASSWORD));
            side.signIn.logout(tokens.refreshToken());
            side.signIn.refresh(tokens.refreshToken());
        });
    }

    @Test
    void aBadBearerTokenIsUnauthorized() {
        sameAnswer("Unauthorized", side -> side.signIn.authenticate("not.a.token"));
        sameAnswer("Unauthorized", side -> side.signIn.authenticate(""));
    }

    @Test
    void aDisabledUserIsAccountDisabledAtSignInAndWithATokenFromBefore() {
        sameAnswer("AccountDisabled", side -> {
            String email = side.verified("disabled");
            side.disable(email);
            side.signIn.login(new Login(email, PASSWORD));
        });
        sameAnswer("AccountDisabled", side -> {
            String email = side.verified("disabledlater");
            AuthTokens tokens = side.signIn.login(new Login(email, PASSWORD));
            side.disable(email);
            side.signIn.authenticate(tokens.idToken());
        });
    }

    @Test
    void aRegisteredVerifiedUserSignsInAndIsRecognisedAlikeByBothProviders() {
        for (Side side : List.of(local, cognito)) {
            String email = side.email("alike");
            User registered = side.register(email);
            side.signIn.verifyEmail(new EmailVerification(email, side.code(email, 0)));
            AuthTokens tokens = side.signIn.login(new Login(email, PASSWORD));
            Principal caller = side.signIn.authenticate(tokens.idToken());
            AuthTokens refreshed = side.signIn.refresh(tokens.refreshToken());

            assertThat(caller).as(side.name).isEqualTo(new Principal(registered.userId(), email, "Asha Patel",
                    registered.role()));
            assertThat(tokens.user().emailVerified()).as(side.name).isTrue();
            assertThat(tokens.expiresIn()).as(side.name).isEqualTo(3600);
            assertThat(side.signIn.authenticate(refreshed.idToken())).as(side.name).isEqualTo(caller);
        }
    }

    /** Plays the situation on both sides and checks that both refuse it alike, with the expected error. */
    private void sameAnswer(String expectedError, Consumer<Side> situation) {
        Outcome onLocal = local.outcomeOf(situation);
        Outcome onCognito = cognito.outcomeOf(situation);

        assertThat(onLocal.error()).as("local answer").isEqualTo(expectedError);
        assertThat(onCognito).as("Cognito answer").isEqualTo(onLocal);
    }

    private static String otherThan(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private static Side localSide() {
        Clock clock = Clock.systemUTC();
        Stores stores = InMemoryStores.create();
        JwtTokenService tokens;
        try {
            tokens = new JwtTokenService("http://localhost:8080", "milkrun-web",
                    new RSAKeyGenerator(2048).keyID("local-1").generate(), clock);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        LocalIdentityProvider identity = new LocalIdentityProvider(stores.users(), stores.credentials(),
                stores.sessions(), new BcryptPasswordHasher(4), tokens,
                new Notifications(stores.notifications(), Optional.empty(), clock), clock);
        return new Side("local", stores.users(), identity, (email, index) -> {
            String userId = stores.users().findByEmail(email).orElseThrow().userId();
            List<String> codes = stores.notifications().listForUser(userId, PageRequest.first(50)).items().stream()
                    .sorted(Comparator.comparing(Notification::createdAt).thenComparing(Notification::notificationId))
                    .map(n -> CODE.matcher(n.body()))
                    .filter(Matcher::find)
                    .map(m -> m.group(1))
                    .toList();
            return codes.get(index);
        });
    }

    /** What a situation came to: a refusal's kind, name, message and details, or "ok". */
    private record Outcome(Failure failure, String error, String message, Map<String, Object> details) {
        static final Outcome OK = new Outcome(null, "ok", "", Map.of());
    }

    /** The code number {@code index} (from 0) sent to an email. */
    private interface Codes {
        String code(String email, int index);
    }

    /** One provider with the user store and the sign-in use case over it. */
    private static final class Side {
        final String name;
        final UserStore users;
        final IdentityProvider identity;
        final SignIn signIn;
        private final Codes codes;

        Side(String name, UserStore users, IdentityProvider identity, Codes codes) {
            this.name = name;
            this.users = users;
            this.identity = identity;
            this.signIn = new SignIn(users, identity, Clock.systemUTC());
            this.codes = codes;
        }

        String email(String prefix) {
            return newEmail(name + "-" + prefix);
        }

        User register(String email) {
            return signIn.register(new Registration(email, PASSWORD, "Asha Patel", "+91 98765 43210"));
        }

        String verified(String prefix) {
            String email = email(prefix);
            register(email);
            signIn.verifyEmail(new EmailVerification(email, code(email, 0)));
            return email;
        }

        String code(String email, int index) {
            return codes.code(email, index);
        }

        void disable(String email) {
            User user = users.findByEmail(email).orElseThrow();
            users.update(user.withDisabled(true, Instant.now()));
            identity.signOutEverywhere(user.userId());
        }

        Outcome outcomeOf(Consumer<Side> situation) {
            try {
                situation.accept(this);
                return Outcome.OK;
            } catch (DomainException e) {
                return new Outcome(e.failure(), e.error(), e.getMessage(), e.details());
            }
        }
    }
}
