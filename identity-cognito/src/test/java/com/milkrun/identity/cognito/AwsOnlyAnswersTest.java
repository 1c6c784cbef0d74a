package com.milkrun.identity.cognito;

import static com.milkrun.identity.cognito.PoolFixture.PASSWORD;
import static com.milkrun.identity.cognito.PoolFixture.assertRefused;
import static com.milkrun.identity.cognito.StubCognito.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.accounts.AuthTokens;
import com.milkrun.accounts.User;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import com.milkrun.store.memory.InMemoryUserStore;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminAddUserToGroupRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminDeleteUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminUpdateUserAttributesRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmForgotPasswordRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmSignUpRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ForgotPasswordRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InternalErrorException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResendConfirmationCodeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RevokeTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyFailedAttemptsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnsupportedTokenTypeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * The provider's answers to what AWS says and the local server never does (lockout, throttling, code limits, disabled
 * users, a stricter pool policy, challenges, rotated refresh tokens), and the exact requests it makes, on a stub
 * client. The error texts are those of the AWS API reference and of Cognito's answers.
 */
class AwsOnlyAnswersTest {
    private static final CognitoSettings SETTINGS = CognitoSettings.of("ap-south-1", "ap-south-1_Milk", "client-1");
    private static final String EMAIL = "asha@milkrun.example";
    private static final RSAKey KEY = key();

    private final StubCognito cognito = new StubCognito();
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final CognitoIdentityProvider provider = new CognitoIdentityProvider(cognito, SETTINGS,
            new IdTokenVerifier(SETTINGS.issuer(), SETTINGS.clientId(), new ImmutableJWKSet<>(new JWKSet(KEY.toPublicJWK())),
                    Clock.systemUTC()), users);

    @Test
    void signUpLeavesTheUserIdOutOfWhatTheClientWritesAndSetsItAsAdmin() {
        User user = PoolFixture.newUser(EMAIL);

        provider.signUp(user, PASSWORD);

        SignUpRequest signUp = cognito.requests(SignUpRequest.class).getFirst();
        assertThat(signUp.clientId()).isEqualTo("client-1");
        assertThat(signUp.username()).isEqualTo(EMAIL);
        assertThat(signUp.userAttributes()).extracting(AttributeType::name)
                .containsExactly("email", "name", "phone_number");
        AdminUpdateUserAttributesRequest userId = cognito.requests(AdminUpdateUserAttributesRequest.class).getFirst();
        assertThat(userId.userPoolId()).isEqualTo("ap-south-1_Milk");
        assertThat(userId.username()).isEqualTo(EMAIL);
        assertThat(userId.userAttributes()).containsExactly(
                AttributeType.builder().name("custom:userId").value(user.userId()).build());
        assertThat(cognito.requests(AdminAddUserToGroupRequest.class)).singleElement()
                .satisfies(r -> assertThat(r.groupName()).isEqualTo("Customer"));
        assertThat(cognito.requests.get(0)).isInstanceOf(SignUpRequest.class);
        assertThat(cognito.requests.get(1)).isInstanceOf(AdminUpdateUserAttributesRequest.class);
    }

    @Test
    void aSignUpWhoseAdminStepFailsIsUndone() {
        CognitoIdentityProviderException outage = error(InternalErrorException.builder(), "InternalErrorException",
                "Internal error");
        cognito.failing(AdminUpdateUserAttributesRequest.class, outage);

        assertThatThrownBy(() -> provider.signUp(PoolFixture.newUser(EMAIL), PASSWORD)).isSameAs(outage);

        assertThat(cognito.requests(AdminDeleteUserRequest.class)).singleElement()
                .satisfies(r -> assertThat(r.username()).isEqualTo(EMAIL));
        assertThat(cognito.requests(AdminAddUserToGroupRequest.class)).isEmpty();
    }

    @Test
    void aPoolPolicyStricterThanMilkRunsSpeaksForItself() {
        String policy = "Password did not conform with policy: Password not long enough";
        cognito.failing(SignUpRequest.class, error(InvalidPasswordException.builder(), "InvalidPasswordException", policy));
        cognito.failing(ConfirmForgotPasswordRequest.class,
                error(InvalidPasswordException.builder(), "InvalidPasswordException", policy));

        assertRefused(() -> provider.signUp(PoolFixture.newUser(EMAIL), PASSWORD), Failure.INVALID, "InvalidPassword",
                policy);
        assertRefused(() -> provider.confirmForgotPassword(EMAIL, "123456", PASSWORD), Failure.INVALID,
                "InvalidPassword", policy);
    }

    @Test
    void cognitosLockoutIsTooManyAttemptsWithoutAWait() {
        failSignIn(error(NotAuthorizedException.builder(), "NotAuthorizedException", "Password attempts exceeded"));

        assertThatThrownBy(() -> provider.signIn(EMAIL, PASSWORD)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.failure()).isEqualTo(Failure.TOO_MANY_REQUESTS);
            assertThat(e.error()).isEqualTo("TooManyAttempts");
            assertThat(e.getMessage()).isEqualTo("Too many failed logins. Try again later.");
            assertThat(e.details()).doesNotContainKey("retryAfterSeconds");
        });
    }

    @Test
    void aUserDisabledInCognitoIsAccountDisabled() {
        failSignIn(error(NotAuthorizedException.builder(), "NotAuthorizedException", "User is disabled."));

        assertRefused(() -> provider.signIn(EMAIL, PASSWORD), Failure.FORBIDDEN, "AccountDisabled",
                "This account has been disabled. Please contact support.");
    }

    @Test
    void throttledSignInsAreTooManyAttempts() {
        for (CognitoIdentityProviderException throttled : List.of(
                error(TooManyRequestsException.builder(), "TooManyRequestsException", "Too many requests"),
                error(LimitExceededException.builder(), "LimitExceededException", "Attempt limit exceeded"))) {
            failSignIn(throttled);
            assertRefused(() -> provider.signIn(EMAIL, PASSWORD), Failure.TOO_MANY_REQUESTS, "TooManyAttempts",
                    "Too many failed logins. Try again later.");
        }
    }

    @Test
    void anUnknownUserOfAPoolThatRevealsItIsInvalidCredentials() {
        failSignIn(error(UserNotFoundException.builder(), "UserNotFoundException", "User does not exist."));

        assertRefused(() -> provider.signIn(EMAIL, PASSWORD), Failure.UNAUTHENTICATED, "InvalidCredentials",
                "Invalid email or password");
    }

    @Test
    void aChallengeInsteadOfTokensIsAnErrorOfTheSetUp() {
        cognito.answering(InitiateAuthRequest.class, InitiateAuthResponse.builder()
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session("session").build());

        assertThatThrownBy(() -> provider.signIn(EMAIL, PASSWORD)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NEW_PASSWORD_REQUIRED");
    }

    @Test
    void expiredAndOverusedCodesSayWhatLocalCodesSay() {
        cognito.failing(ConfirmSignUpRequest.class, error(ExpiredCodeException.builder(), "ExpiredCodeException",
                "Invalid code provided, please request a code again."));
        assertRefused(() -> provider.confirmSignUp(EMAIL, "123456"), Failure.INVALID, "InvalidCode",
                "Verification code has expired. Please request a new one");

        cognito.failing(ConfirmSignUpRequest.class, error(TooManyFailedAttemptsException.builder(),
                "TooManyFailedAttemptsException", "Too many failed attempts."));
        assertRefused(() -> provider.confirmSignUp(EMAIL, "123456"), Failure.INVALID, "InvalidCode",
                "Too many wrong codes. Please request a new one");

        cognito.failing(ConfirmForgotPasswordRequest.class, error(LimitExceededException.builder(),
                "LimitExceededException", "Attempt limit exceeded, please try after some time."));
        assertRefused(() -> provider.confirmForgotPassword(EMAIL, "123456", PASSWORD), Failure.INVALID, "InvalidCode",
                "Too many wrong codes. Please request a new one");

        cognito.failing(ConfirmForgotPasswordRequest.class, error(ExpiredCodeException.builder(),
                "ExpiredCodeException", "Invalid code provided, please request a code again."));
        assertRefused(() -> provider.confirmForgotPassword(EMAIL, "123456", PASSWORD), Failure.INVALID, "InvalidCode",
                "Verification code has expired. Please request a new one");
    }

    @Test
    void codesThatCannotBeSentAreSilent() {
        for (CognitoIdentityProviderException refusal : List.of(
                error(LimitExceededException.builder(), "LimitExceededException",
                        "Attempt limit exceeded, please try after some time."),
                error(InvalidParameterException.builder(), "InvalidParameterException",
                        "Cannot reset password for the user as there is no registered/verified email or phone_number"),
                error(UserNotFoundException.builder(), "UserNotFoundException", "Username/client id combination not found."))) {
            cognito.failing(ForgotPasswordRequest.class, refusal);
            cognito.failing(ResendConfirmationCodeRequest.class, refusal);

            assertThatCode(() -> provider.forgotPassword(EMAIL)).as(refusal.getClass().getSimpleName())
                    .doesNotThrowAnyException();
            assertThatCode(() -> provider.resendCode(EMAIL)).as(refusal.getClass().getSimpleName())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aThrottledPoolIsTooManyAttemptsForCodesToo() {
        cognito.failing(ForgotPasswordRequest.class, error(TooManyRequestsException.builder(),
                "TooManyRequestsException", "Too many requests"));

        assertRefused(() -> provider.forgotPassword(EMAIL), Failure.TOO_MANY_REQUESTS, "TooManyAttempts",
                "Too many attempts. Try again later.");
    }

    @Test
    void signingOutWithATokenCognitoDoesNotTakeIsIgnored() {
        for (CognitoIdentityProviderException refusal : List.of(
                error(NotAuthorizedException.builder(), "NotAuthorizedException", "Invalid token"),
                error(UnsupportedTokenTypeException.builder(), "UnsupportedTokenTypeException", "Unsupported token"))) {
            cognito.failing(RevokeTokenRequest.class, refusal);

            assertThatCode(() -> provider.signOut("token")).doesNotThrowAnyException();
        }
        assertThat(cognito.requests(RevokeTokenRequest.class)).allSatisfy(r -> {
            assertThat(r.clientId()).isEqualTo("client-1");
            assertThat(r.token()).isEqualTo("token");
        });
    }

    @Test
    void aRotatedRefreshTokenIsHandedOnAndWithoutRotationTheOldOneStays() {
        User user = users.create(PoolFixture.newUser(EMAIL));
        cognito.answering(InitiateAuthRequest.class, authenticated(idTokenOf(user, SETTINGS.issuer()), "rotated"));
        AuthTokens rotated = provider.refresh("old");
        cognito.answering(InitiateAuthRequest.class, authenticated(idTokenOf(user, SETTINGS.issuer()), null));
        AuthTokens kept = provider.refresh("old");

        assertThat(rotated.refreshToken()).isEqualTo("rotated");
        assertThat(kept.refreshToken()).isEqualTo("old");
        assertThat(kept.user().userId()).isEqualTo(user.userId());
        assertThat(cognito.requests(InitiateAuthRequest.class)).allSatisfy(r -> {
            assertThat(r.authFlowAsString()).isEqualTo("REFRESH_TOKEN_AUTH");
            assertThat(r.authParameters()).containsOnlyKeys("REFRESH_TOKEN").containsEntry("REFRESH_TOKEN", "old");
        });
    }

    @Test
    void tokensFromAPoolTheSettingsDoNotDescribeAreAnErrorOfTheSetUpNotOfTheUser() {
        User user = users.create(PoolFixture.newUser(EMAIL));
        String idToken = idTokenOf(user, "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other");
        cognito.answering(InitiateAuthRequest.class, authenticated(idToken, "refresh"));

        assertThatThrownBy(() -> provider.signIn(EMAIL, PASSWORD)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("check the issuer, client id").satisfies(e ->
                        assertThat(e.getMessage()).doesNotContain(idToken));
    }

    private void failSignIn(CognitoIdentityProviderException failure) {
        cognito.failing(InitiateAuthRequest.class, failure);
    }

    private static InitiateAuthResponse authenticated(String idToken, String refreshToken) {
        return InitiateAuthResponse.builder().authenticationResult(AuthenticationResultType.builder()
                .idToken(idToken).accessToken("access").refreshToken(refreshToken).expiresIn(3600)
                .tokenType("Bearer").build()).build();
    }

    private static String idTokenOf(User user, String issuer) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject("3b7c0000-0000-4000-8000-000000000001")
                .claim("email", user.email())
                .claim(IdTokenVerifier.USER_ID_CLAIM, user.userId())
                .claim("cognito:groups", List.of("Customer"))
                .claim("token_use", "id")
                .issuer(issuer)
                .audience(SETTINGS.clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("pool-key-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
