package com.milkrun.identity.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.accounts.User;
import com.milkrun.identity.cognito.testing.CognitoServer;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import com.milkrun.shared.Ids;
import com.milkrun.store.memory.InMemoryUserStore;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;

/**
 * A fresh user pool on the local Cognito server with MilkRun's app client, an in-memory user store and the Cognito
 * identity provider over both, plus the steps most tests start with. Emails are unique within the JVM, so that the
 * codes the server sends can be told apart across pools.
 */
final class PoolFixture implements AutoCloseable {
    static final String PASSWORD = "Fresh-Milk-2026";
    private static final AtomicInteger EMAILS = new AtomicInteger();

    final CognitoServer server = CognitoServer.get();
    final CognitoServer.Pool pool = server.newPool();
    final CognitoIdentityProviderClient client = server.newClient(pool.settings());
    final InMemoryUserStore users = new InMemoryUserStore();
    final CognitoIdentityProvider provider = new CognitoIdentityProvider(client, pool.settings(), users, Clock.systemUTC());

    static String newEmail(String name) {
        return name + "-" + EMAILS.incrementAndGet() + "@milkrun.example";
    }

    /** A MilkRun customer as {@code SignIn.register} makes one (not yet stored). */
    static User newUser(String email) {
        return User.registered(Ids.newId("user"), email, "Asha Patel", "+919876543210", Instant.now());
    }

    /** Signs a new customer up and stores the profile, as registration does; the email is not confirmed yet. */
    User signUp(String email) {
        User user = newUser(email);
        provider.signUp(user, PASSWORD);
        return users.create(user);
    }

    /** Signs a new customer up and confirms the email with the code the server sent. */
    User signUpConfirmed(String email) {
        User user = signUp(email);
        provider.confirmSignUp(email, server.awaitCode(email, 0));
        return user;
    }

    /** The Cognito user named by email, as an admin sees it. */
    AdminGetUserResponse identity(String email) {
        return client.adminGetUser(b -> b.userPoolId(pool.id()).username(email));
    }

    static void assertRefused(ThrowingCallable call, Failure failure, String error, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.failure()).isEqualTo(failure);
            assertThat(e.error()).isEqualTo(error);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }

    @Override
    public void close() {
        client.close();
    }
}
