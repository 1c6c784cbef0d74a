package com.milkrun.identity.cognito.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.access.Role;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GroupType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * What the local Cognito server does that the Cognito identity provider's tests rely on, as the AWS SDK sees it:
 * the pool set-up, the issuer and key set, codes on stdout, and MilkRun's additions to cognito-local.
 */
class CognitoServerTest {
    private static final String PASSWORD = "Fresh-Milk-2026";

    private final CognitoServer server = CognitoServer.get();
    private final CognitoIdentityProviderClient client = server.client();
    private final CognitoServer.Pool pool = server.newPool();

    @Test
    void aNewPoolHasAGroupPerRole() {
        assertThat(client.listGroups(b -> b.userPoolId(pool.id())).groups()).extracting(GroupType::groupName)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Role::wireName).toList());
    }

    @Test
    void tokensAreRs256FromTheEndpointAsIssuerAndTheKeySetIsPublishedBesideIt() throws Exception {
        String email = signUpConfirmed("tokens");

        String idToken = signIn(email, PASSWORD).authenticationResult().idToken();

        SignedJWT jwt = SignedJWT.parse(idToken);
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(server.endpoint() + "/" + pool.id())
                .isEqualTo(pool.settings().issuer());
        assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly(pool.clientId());
        JWKSet keys = JWKSet.load(pool.settings().jwksUrl().toURL());
        assertThat(keys.getKeyByKeyId(jwt.getHeader().getKeyID())).isNotNull();
        assertThat(keys.getKeyByKeyId(jwt.getHeader().getKeyID()).toRSAKey().toRSAPublicKey())
                .isEqualTo(server.signingKey().toRSAPublicKey());
    }

    @Test
    void aWrongPasswordIsNotAuthorizedAsOnAws() {
        String email = signUpConfirmed("wrong");

        assertThatThrownBy(() -> signIn(email, "Sour-Milk-2026")).isInstanceOf(NotAuthorizedException.class);
    }

    @Test
    void resendingReplacesTheCodeAndIsRefusedOnceConfirmed() {
        String email = newEmail("resend");
        client.signUp(b -> b.clientId(pool.clientId()).username(email).password(PASSWORD));

        client.resendConfirmationCode(b -> b.clientId(pool.clientId()).username(email));
        String second = server.awaitCode(email, 1);
        client.confirmSignUp(b -> b.clientId(pool.clientId()).username(email).confirmationCode(second));

        assertThatThrownBy(() -> client.resendConfirmationCode(b -> b.clientId(pool.clientId()).username(email)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("User is already confirmed.");
        assertThatThrownBy(() -> client.resendConfirmationCode(b -> b.clientId(pool.clientId())
                .username(newEmail("nobody")))).isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void aGlobalSignOutEndsEveryRefreshTokenOfTheUser() {
        String email = signUpConfirmed("global");
        String first = signIn(email, PASSWORD).authenticationResult().refreshToken();
        String second = signIn(email, PASSWORD).authenticationResult().refreshToken();

        client.adminUserGlobalSignOut(b -> b.userPoolId(pool.id()).username(email));

        for (String refreshToken : new String[] {first, second}) {
            assertThatThrownBy(() -> client.initiateAuth(b -> b.clientId(pool.clientId())
                    .authFlow(AuthFlowType.REFRESH_TOKEN_AUTH).authParameters(Map.of("REFRESH_TOKEN", refreshToken))))
                    .isInstanceOf(NotAuthorizedException.class);
        }
        assertThatThrownBy(() -> client.adminUserGlobalSignOut(b -> b.userPoolId(pool.id())
                .username(newEmail("nobody")))).isInstanceOf(UserNotFoundException.class);
    }

    private String signUpConfirmed(String name) {
        String email = newEmail(name);
        client.signUp(b -> b.clientId(pool.clientId()).username(email).password(PASSWORD));
        String code = server.awaitCode(email, 0);
        assertThat(code).matches("\\d{6}");
        client.confirmSignUp(b -> b.clientId(pool.clientId()).username(email).confirmationCode(code));
        return email;
    }

    private InitiateAuthResponse signIn(String email, String password) {
        return client.initiateAuth(b -> b.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", password)));
    }

    private static String newEmail(String name) {
        return "server-" + name + "-" + System.nanoTime() + "@milkrun.example";
    }
}
