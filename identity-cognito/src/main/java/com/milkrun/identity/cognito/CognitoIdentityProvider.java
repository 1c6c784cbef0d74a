package com.milkrun.identity.cognito;

import com.milkrun.access.Role;
import com.milkrun.accounts.AuthTokens;
import com.milkrun.accounts.IdentityProvider;
import com.milkrun.accounts.PasswordPolicy;
import com.milkrun.accounts.TokenService;
import com.milkrun.accounts.User;
import com.milkrun.accounts.UserStore;
import com.milkrun.shared.DomainException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExpiredCodeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidPasswordException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyFailedAttemptsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.TooManyRequestsException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UnsupportedTokenTypeException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotConfirmedException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Sign-up, sign-in and tokens by an Amazon Cognito user pool, for the AWS deployment: the same port, the same
 * {@code error} names and messages as {@link com.milkrun.accounts.LocalIdentityProvider}, with Cognito keeping the
 * passwords, sending the codes and issuing the tokens. ID tokens are checked here, against the pool's published keys
 * ({@link IdTokenVerifier}), without a call to Cognito per request.
 *
 * <p><b>MilkRun's user id and Cognito's {@code sub}.</b> MilkRun names its users itself: {@code SignIn.register} makes
 * the id before the identity exists, hands the whole {@link User} to {@link #signUp}, which returns nothing, and every
 * store keys on that id. Cognito gives each user a {@code sub} that nobody can choose. So the two stay distinct and are
 * linked by the pool's custom attribute {@code userId}: set right after {@code SignUp} and carried by every ID token as
 * {@value IdTokenVerifier#USER_ID_CLAIM}, which {@link #verify} returns as the user id. The {@code sub} is Cognito's
 * business and appears nowhere else in MilkRun. The attribute is set with {@code AdminUpdateUserAttributes} and not
 * passed to {@code SignUp}, because {@code SignUp} is public (anyone who has the app client id may call it with any
 * attribute the client may write): the app client must not be allowed to write {@code custom:userId}, so that only
 * MilkRun, with its IAM role, can say which MilkRun user an identity is. A token without the claim is refused.
 *
 * <p>The Cognito username is the email (the pool signs in by email), so everything that names a user by email goes to
 * Cognito as is. What names a user by MilkRun id ({@link #deleteIdentity}, {@link #signOutEverywhere},
 * {@link #moveToRoleGroup}) finds the email in the user store, or, for a sign-up whose profile was never stored, in
 * the memory of this process's recent sign-ups.
 *
 * <p><b>The user pool</b> this expects: email as username, email auto-verified (Cognito sends the codes), a mutable
 * String custom attribute {@code userId}, one group per role named by its wire name ({@code Customer}, {@code Vendor},
 * {@code Manager}, {@code Admin}, {@code DeliveryAgent}), and an app client without a secret, with the
 * {@code USER_PASSWORD_AUTH} and {@code REFRESH_TOKEN_AUTH} flows, token revocation on, write attributes {@code email},
 * {@code name} and {@code phone_number} only, and {@code custom:userId} among its read attributes. The process needs
 * {@code cognito-idp:AdminGetUser}, {@code AdminUpdateUserAttributes}, {@code AdminAddUserToGroup},
 * {@code AdminRemoveUserFromGroup}, {@code AdminDeleteUser} and {@code AdminUserGlobalSignOut} on the pool.
 *
 * <p><b>Where it differs from the local provider.</b> The codes are emailed by Cognito, so they do not appear in the
 * MilkRun inbox. Guessing is limited by Cognito's own lockout, whose length it does not report, so
 * {@code TooManyAttempts} carries no wait. A password reset for an account whose email was never verified is refused
 * by Cognito, silently here (the local provider allows it and verifies the email). The role used for authorization is
 * read from the user store on every request, as locally; the user's group is set at sign-up and moved when an admin
 * changes the role ({@link #roleChanged}), to keep {@code cognito:groups} in step. Disabling is MilkRun's (a disabled user's sign-in and refresh are refused here after Cognito accepts them,
 * and the Cognito user stays enabled).
 */
public final class CognitoIdentityProvider implements IdentityProvider {
    /** The user pool attribute that holds MilkRun's user id. */
    public static final String USER_ID_ATTRIBUTE = IdTokenVerifier.USER_ID_CLAIM;
    static final int REMEMBERED_SIGN_UPS = 1024;

    private final Supplier<CognitoIdentityProviderClient> cognito;
    private final String userPoolId;
    private final String clientId;
    private final IdTokenVerifier tokens;
    private final UserStore users;
    private final RecentSignUps recentSignUps = new RecentSignUps(REMEMBERED_SIGN_UPS);

    /** Checks ID tokens against the keys published at {@link CognitoSettings#jwksUrl()}. */
    public CognitoIdentityProvider(CognitoIdentityProviderClient cognito, CognitoSettings settings, UserStore users,
                                   Clock clock) {
        this(made(cognito), settings, IdTokenVerifier.forPool(settings, clock), users);
    }

    /**
     * Asks {@code cognito} for the client on each call to the pool, so that it can be made on first use: checking a
     * token never calls the pool, and a function that only does that never pays for the client.
     */
    public CognitoIdentityProvider(Supplier<CognitoIdentityProviderClient> cognito, CognitoSettings settings,
                                   UserStore users, Clock clock) {
        this(cognito, settings, IdTokenVerifier.forPool(settings, clock), users);
    }

    public CognitoIdentityProvider(CognitoIdentityProviderClient cognito, CognitoSettings settings,
                                   IdTokenVerifier tokens, UserStore users) {
        this(made(cognito), settings, tokens, users);
    }

    private static Supplier<CognitoIdentityProviderClient> made(CognitoIdentityProviderClient cognito) {
        Objects.requireNonNull(cognito, "cognito");
        return () -> cognito;
    }

    private CognitoIdentityProvider(Supplier<CognitoIdentityProviderClient> cognito, CognitoSettings settings,
                                    IdTokenVerifier tokens, UserStore users) {
        this.cognito = Objects.requireNonNull(cognito, "cognito");
        this.userPoolId = settings.userPoolId();
        this.clientId = settings.clientId();
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public void signUp(User user, String password) {
        PasswordPolicy.check(password);
        List<AttributeType> attributes = new ArrayList<>(List.of(attribute("email", user.email()),
                attribute("name", user.name())));
        if (!user.phone().isBlank()) {
            attributes.add(attribute("phone_number", user.phone()));
        }
        try {
            cognito.get().signUp(b -> b.clientId(clientId).username(user.email()).password(password).userAttributes(attributes));
        } catch (UsernameExistsException e) {
            throw Outcomes.userExists();
        } catch (InvalidPasswordException e) {
            throw Outcomes.invalidPassword(e);
        } catch (TooManyRequestsException | LimitExceededException e) {
            throw Outcomes.throttled();
        }
        recentSignUps.remember(user.userId(), user.email());
        try {
            cognito.get().adminUpdateUserAttributes(b -> b.userPoolId(userPoolId).username(user.email())
                    .userAttributes(attribute(USER_ID_ATTRIBUTE, user.userId())));
            cognito.get().adminAddUserToGroup(b -> b.userPoolId(userPoolId).username(user.email())
                    .groupName(user.role().wireName()));
        } catch (RuntimeException e) {
            try {
                deleteIdentity(user.userId());
            } catch (RuntimeException undo) {
                e.addSuppressed(undo);
            }
            throw e;
        }
    }

    @Override
    public void deleteIdentity(String userId) {
        Optional<String> email = recentSignUps.emailOf(userId).or(() -> users.get(userId).map(User::email));
        email.ifPresent(username -> {
            try {
                cognito.get().adminDeleteUser(b -> b.userPoolId(userPoolId).username(username));
            } catch (UserNotFoundException e) {
                // Already gone: nothing to undo.
            }
        });
        recentSignUps.forget(userId);
    }

    @Override
    public void confirmSignUp(String email, String code) {
        AdminGetUserResponse user;
        try {
            user = cognito.get().adminGetUser(b -> b.userPoolId(userPoolId).username(email));
        } catch (UserNotFoundException e) {
            throw Outcomes.invalidCode();
        }
        if (user.userStatus() == UserStatusType.CONFIRMED) {
            throw Outcomes.alreadyVerified();
        }
        String typed = code == null ? "" : code.strip();
        try {
            cognito.get().confirmSignUp(b -> b.clientId(clientId).username(email).confirmationCode(typed));
        } catch (CodeMismatchException | UserNotFoundException | InvalidParameterException | NotAuthorizedException e) {
            throw Outcomes.invalidCode();
        } catch (ExpiredCodeException e) {
            throw Outcomes.expiredCode();
        } catch (TooManyFailedAttemptsException | LimitExceededException e) {
            throw Outcomes.tooManyWrongCodes();
        } catch (TooManyRequestsException e) {
            throw Outcomes.throttled();
        }
    }

    @Override
    public void resendCode(String email) {
        try {
            cognito.get().resendConfirmationCode(b -> b.clientId(clientId).username(email));
        } catch (UserNotFoundException | InvalidParameterException | NotAuthorizedException | LimitExceededException e) {
            // Unknown, already confirmed, or too many codes lately: silent, as the port promises.
        } catch (TooManyRequestsException e) {
            throw Outcomes.throttled();
        }
    }

    @Override
    public AuthTokens signIn(String email, String password) {
        InitiateAuthResponse response;
        try {
            response = cognito.get().initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", email, "PASSWORD", password)));
        } catch (UserNotConfirmedException e) {
            throw Outcomes.emailNotVerified();
        } catch (NotAuthorizedException e) {
            if (Outcomes.says(e, Outcomes.COGNITO_LOCKED_OUT)) {
                throw Outcomes.tooManyFailedLogins();
            }
            if (Outcomes.says(e, Outcomes.COGNITO_DISABLED)) {
                throw Outcomes.accountDisabled();
            }
            throw Outcomes.invalidCredentials();
        } catch (UserNotFoundException e) {
            throw Outcomes.invalidCredentials();
        } catch (TooManyRequestsException | LimitExceededException e) {
            throw Outcomes.tooManyFailedLogins();
        }
        AuthenticationResultType result = authenticated(response);
        return tokensFor(result, result.refreshToken(), Outcomes::invalidCredentials, Outcomes::accountDisabled);
    }

    @Override
    public AuthTokens refresh(String refreshToken) {
        InitiateAuthResponse response;
        try {
            response = cognito.get().initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.REFRESH_TOKEN_AUTH)
                    .authParameters(Map.of("REFRESH_TOKEN", refreshToken)));
        } catch (NotAuthorizedException | UserNotFoundException | InvalidParameterException e) {
            throw Outcomes.invalidRefreshToken();
        } catch (TooManyRequestsException | LimitExceededException e) {
            throw Outcomes.throttled();
        }
        AuthenticationResultType result = authenticated(response);
        // Cognito hands out a new refresh token only when the app client rotates them; otherwise the old one stays.
        String refresh = result.refreshToken() == null ? refreshToken : result.refreshToken();
        return tokensFor(result, refresh, Outcomes::invalidRefreshToken, Outcomes::invalidRefreshToken);
    }

    @Override
    public void forgotPassword(String email) {
        try {
            cognito.get().forgotPassword(b -> b.clientId(clientId).username(email));
        } catch (UserNotFoundException | InvalidParameterException | NotAuthorizedException | LimitExceededException e) {
            // Unknown, never verified, or too many codes lately: silent, so that accounts cannot be discovered.
        } catch (TooManyRequestsException e) {
            throw Outcomes.throttled();
        }
    }

    @Override
    public void confirmForgotPassword(String email, String code, String newPassword) {
        PasswordPolicy.check(newPassword);
        String typed = code == null ? "" : code.strip();
        try {
            cognito.get().confirmForgotPassword(b -> b.clientId(clientId).username(email).confirmationCode(typed)
                    .password(newPassword));
        } catch (InvalidPasswordException e) {
            throw Outcomes.invalidPassword(e);
        } catch (CodeMismatchException | UserNotFoundException | InvalidParameterException | NotAuthorizedException e) {
            throw Outcomes.invalidCode();
        } catch (ExpiredCodeException e) {
            throw Outcomes.expiredCode();
        } catch (TooManyFailedAttemptsException | LimitExceededException e) {
            throw Outcomes.tooManyWrongCodes();
        } catch (TooManyRequestsException e) {
            throw Outcomes.throttled();
        }
        // As locally, a new password ends every sign-in made with the old one.
        globalSignOut(email);
    }

    @Override
    public void signOut(String refreshToken) {
        try {
            cognito.get().revokeToken(b -> b.clientId(clientId).token(refreshToken));
        } catch (NotAuthorizedException | UnsupportedTokenTypeException | InvalidParameterException e) {
            // Not a refresh token of this client (or already revoked): ignored, as the port promises.
        }
    }

    @Override
    public void signOutEverywhere(String userId) {
        emailOf(userId).ifPresent(this::globalSignOut);
    }

    @Override
    public TokenService.VerifiedToken verify(String idToken) {
        return tokens.verify(idToken).asVerifiedToken();
    }

    /**
     * Puts the user in the Cognito group of their role and takes them out of the other roles' groups, so that
     * {@code cognito:groups} in the tokens Cognito issues from now on names the role. Call it after an admin changed
     * the role (the port has no call for it); MilkRun itself reads the role from the user store.
     *
     * @return false when the user has no identity here
     */
    @Override
    public void roleChanged(String userId, Role role) {
        moveToRoleGroup(userId, role);
    }

    public boolean moveToRoleGroup(String userId, Role role) {
        Optional<String> email = emailOf(userId);
        if (email.isEmpty()) {
            return false;
        }
        String username = email.get();
        try {
            cognito.get().adminAddUserToGroup(b -> b.userPoolId(userPoolId).username(username).groupName(role.wireName()));
            for (Role other : Role.values()) {
                if (other != role) {
                    cognito.get().adminRemoveUserFromGroup(b -> b.userPoolId(userPoolId).username(username)
                            .groupName(other.wireName()));
                }
            }
        } catch (UserNotFoundException e) {
            return false;
        }
        return true;
    }

    private void globalSignOut(String email) {
        try {
            cognito.get().adminUserGlobalSignOut(b -> b.userPoolId(userPoolId).username(email));
        } catch (UserNotFoundException e) {
            // No identity, no sign-in to end.
        }
    }

    private Optional<String> emailOf(String userId) {
        return users.get(userId).map(User::email).or(() -> recentSignUps.emailOf(userId));
    }

    private static AuthenticationResultType authenticated(InitiateAuthResponse response) {
        if (response.authenticationResult() == null) {
            throw new IllegalStateException("The user pool asked for the " + response.challengeNameAsString()
                    + " challenge, which MilkRun does not answer; the pool and its users must not need one");
        }
        return response.authenticationResult();
    }

    /**
     * The tokens Cognito issued, for the MilkRun user they name: refused (and the refresh token revoked) when that
     * user has no profile or is disabled.
     */
    private AuthTokens tokensFor(AuthenticationResultType result, String refreshToken,
                                 Supplier<DomainException> unknownUser, Supplier<DomainException> disabledUser) {
        IdTokenVerifier.IdToken idToken;
        try {
            idToken = tokens.verify(result.idToken());
        } catch (DomainException e) {
            throw new IllegalStateException("The user pool issued an ID token that this provider refuses (" + e.getMessage()
                    + "): check the issuer, client id and " + USER_ID_ATTRIBUTE + " of the pool and its settings");
        }
        Optional<User> user = users.get(idToken.userId());
        if (user.isEmpty() || user.get().disabled()) {
            signOut(refreshToken);
            throw user.isEmpty() ? unknownUser.get() : disabledUser.get();
        }
        return new AuthTokens(result.accessToken(), result.idToken(), refreshToken, idToken.lifetimeSeconds(), user.get());
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }
}
