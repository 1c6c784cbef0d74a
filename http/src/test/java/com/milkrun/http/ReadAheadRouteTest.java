package com.milkrun.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.access.Capability;
import com.milkrun.accounts.AuthTokens;
import com.milkrun.accounts.IdentityProvider;
import com.milkrun.accounts.RequestScopedUsers;
import com.milkrun.accounts.SignIn;
import com.milkrun.accounts.TokenService;
import com.milkrun.accounts.User;
import com.milkrun.http.limits.RateLimits;
import com.milkrun.shared.DomainException;
import com.milkrun.testing.CountingUsers;
import com.milkrun.testing.Users;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A protected route that reads ahead: once the token is verified, and before the caller's account is checked, the
 * route reads what its handler needs together with that account; the check then finds the account without a read of
 * its own, and nothing of a refused request gets past it.
 */
class ReadAheadRouteTest {
    private final List<String> happened = new ArrayList<>();
    private final Map<String, User> accounts = Map.of("user-asha", Users.asha(), "user-meera", Users.meera());
    private final CountingUsers store = accounts();
    private final ApiRouter router = new ApiRouter(List.of(
            Route.secured("POST", "/things", "MakeThing", Capability.OWN_ACCOUNT, call -> {
                happened.add("handler for " + call.caller().userId());
                return Responses.ok(Map.of("ok", true));
            }).readingAhead((body, userId) -> {
                happened.add("read ahead for " + userId);
                RequestScopedUsers.remember(userId, Optional.ofNullable(accounts.get(userId)));
            }),
            Route.secured("POST", "/plain", "Plain", Capability.OWN_ACCOUNT, call -> Responses.ok(Map.of()))),
            new SignIn(new RequestScopedUsers(store), new TokensNamingTheirUser(), Clock.systemUTC()),
            ApiSettings.defaults(), new JsonLog("ERROR", Clock.systemUTC(), new PrintStream(OutputStream.nullOutputStream())));

    @Test
    void the_caller_is_checked_with_the_account_read_ahead_and_the_handler_runs_after() {
        ApiResponse response = router.handle(post("/things", "token-for:user-asha"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(happened).containsExactly("read ahead for user-asha", "handler for user-asha");
        assertThat(store.reads()).isZero();
    }

    @Test
    void a_token_that_does_not_verify_reads_nothing_ahead() {
        ApiResponse response = router.handle(post("/things", "forged"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(happened).isEmpty();
    }

    @Test
    void a_disabled_account_read_ahead_is_refused_before_its_handler() {
        ApiResponse response = router.handle(post("/things", "token-for:user-meera"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("AccountDisabled");
        assertThat(happened).containsExactly("read ahead for user-meera");
    }

    @Test
    void an_account_that_is_gone_is_unauthorized_as_without_reading_ahead() {
        ApiResponse response = router.handle(post("/things", "token-for:user-nobody"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(happened).containsExactly("read ahead for user-nobody");
    }

    @Test
    void a_route_without_read_ahead_reads_the_caller_itself() {
        assertThat(router.handle(post("/plain", "token-for:user-asha")).status()).isEqualTo(200);
        assertThat(store.reads()).isEqualTo(1);
    }

    @Test
    void a_request_over_the_accounts_limit_is_refused_on_its_token_alone() {
        ApiRouter limited = new ApiRouter(router.routes(), new SignIn(new RequestScopedUsers(store),
                new TokensNamingTheirUser(), Clock.systemUTC()), new ApiSettings(ApiSettings.DEFAULT_MAX_BODY_BYTES,
                List.of(), false, "ERROR", new RateLimits(0, 2, 0, Duration.ofMinutes(15))),
                new JsonLog("ERROR", Clock.systemUTC(), new PrintStream(OutputStream.nullOutputStream())));
        assertThat(limited.handle(post("/things", "token-for:user-asha")).status()).isEqualTo(200);
        assertThat(limited.handle(post("/plain", "token-for:user-asha")).status()).isEqualTo(200);
        happened.clear();
        int readsBefore = store.reads();

        ApiResponse third = limited.handle(post("/things", "token-for:user-asha"));
        ApiResponse fourth = limited.handle(post("/plain", "token-for:user-asha"));

        assertThat(third.status()).isEqualTo(429);
        assertThat(fourth.status()).isEqualTo(429);
        assertThat(happened).isEmpty();
        assertThat(store.reads()).isEqualTo(readsBefore);
    }

    @Test
    void a_public_route_cannot_read_ahead() {
        Route open = Route.open("GET", "/products", "ListProducts", call -> Responses.ok(Map.of()));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> open.readingAhead((body, userId) -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    /** The accounts the router may read the caller from, counting the reads that reach them. */
    private CountingUsers accounts() {
        CountingUsers users = new CountingUsers();
        accounts.values().forEach(users::put);
        return users;
    }

    private static ApiRequest post(String path, String token) {
        return new ApiRequest("POST", path, Map.of(), Map.of("authorization", "Bearer " + token,
                "content-type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8), "203.0.113.7", "req-1");
    }

    /** Verifies "token-for:ID" tokens only; this test signs nobody in. */
    private static final class TokensNamingTheirUser implements IdentityProvider {
        @Override
        public TokenService.VerifiedToken verify(String idToken) {
            if (!idToken.startsWith("token-for:")) {
                throw DomainException.unauthorized("Invalid or expired token");
            }
            String userId = idToken.substring("token-for:".length());
            return new TokenService.VerifiedToken(userId, userId + "@example.com", Instant.now().plusSeconds(60));
        }

        @Override
        public void signUp(User user, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteIdentity(String userId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void confirmSignUp(String email, String code) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void resendCode(String email) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AuthTokens signIn(String email, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AuthTokens refresh(String refreshToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void forgotPassword(String email) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void confirmForgotPassword(String email, String code, String newPassword) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void signOut(String refreshToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void signOutEverywhere(String userId) {
            throw new UnsupportedOperationException();
        }
    }
}
