package com.milkrun.identity.cognito;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminAddUserToGroupRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminAddUserToGroupResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminDeleteUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminDeleteUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminGetUserResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRemoveUserFromGroupRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminRemoveUserFromGroupResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminUpdateUserAttributesRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminUpdateUserAttributesResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminUserGlobalSignOutRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AdminUserGlobalSignOutResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmForgotPasswordRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmForgotPasswordResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmSignUpRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ConfirmSignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ForgotPasswordRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ForgotPasswordResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResendConfirmationCodeRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResendConfirmationCodeResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RevokeTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RevokeTokenResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SignUpResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * A user pools client that records the requests the provider makes and answers each operation as a test says, for
 * the answers of AWS that the local server never gives (lockout, throttling, code limits, disabled users, challenges).
 * An operation the test did not script succeeds with an empty answer ({@code AdminGetUser}: an unconfirmed user).
 */
final class StubCognito implements CognitoIdentityProviderClient {
    final List<Object> requests = new ArrayList<>();
    private final Map<Class<?>, Function<Object, Object>> answers = new HashMap<>();

    /** Makes every request of the given type fail with {@code failure}. */
    <T> StubCognito failing(Class<T> request, CognitoIdentityProviderException failure) {
        answers.put(request, r -> {
            throw failure;
        });
        return this;
    }

    /** Makes every request of the given type answer {@code response}. */
    <T> StubCognito answering(Class<T> request, Object response) {
        answers.put(request, r -> response);
        return this;
    }

    /** The recorded requests of one type, oldest first. */
    <T> List<T> requests(Class<T> type) {
        return requests.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** An exception as the SDK builds it from an AWS error answer. */
    static <B extends CognitoIdentityProviderException.Builder> CognitoIdentityProviderException error(B builder,
                                                                                                      String code,
                                                                                                      String message) {
        return (CognitoIdentityProviderException) builder.message(message).statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @SuppressWarnings("unchecked")
    private <T> T answer(Object request, T fallback) {
        requests.add(request);
        Function<Object, Object> answer = answers.get(request.getClass());
        return answer == null ? fallback : (T) answer.apply(request);
    }

    @Override
    public SignUpResponse signUp(SignUpRequest request) {
        return answer(request, SignUpResponse.builder().userSub("sub-1").userConfirmed(false).build());
    }

    @Override
    public AdminUpdateUserAttributesResponse adminUpdateUserAttributes(AdminUpdateUserAttributesRequest request) {
        return answer(request, AdminUpdateUserAttributesResponse.builder().build());
    }

    @Override
    public AdminAddUserToGroupResponse adminAddUserToGroup(AdminAddUserToGroupRequest request) {
        return answer(request, AdminAddUserToGroupResponse.builder().build());
    }

    @Override
    public AdminRemoveUserFromGroupResponse adminRemoveUserFromGroup(AdminRemoveUserFromGroupRequest request) {
        return answer(request, AdminRemoveUserFromGroupResponse.builder().build());
    }

    @Override
    public AdminDeleteUserResponse adminDeleteUser(AdminDeleteUserRequest request) {
        return answer(request, AdminDeleteUserResponse.builder().build());
    }

    @Override
    public AdminGetUserResponse adminGetUser(AdminGetUserRequest request) {
        return answer(request, AdminGetUserResponse.builder().username("sub-1").userStatus(UserStatusType.UNCONFIRMED)
                .build());
    }

    @Override
    public ConfirmSignUpResponse confirmSignUp(ConfirmSignUpRequest request) {
        return answer(request, ConfirmSignUpResponse.builder().build());
    }

    @Override
    public ResendConfirmationCodeResponse resendConfirmationCode(ResendConfirmationCodeRequest request) {
        return answer(request, ResendConfirmationCodeResponse.builder().build());
    }

    @Override
    public InitiateAuthResponse initiateAuth(InitiateAuthRequest request) {
        return answer(request, InitiateAuthResponse.builder().build());
    }

    @Override
    public ForgotPasswordResponse forgotPassword(ForgotPasswordRequest request) {
        return answer(request, ForgotPasswordResponse.builder().build());
    }

    @Override
    public ConfirmForgotPasswordResponse confirmForgotPassword(ConfirmForgotPasswordRequest request) {
        return answer(request, ConfirmForgotPasswordResponse.builder().build());
    }

    @Override
    public RevokeTokenResponse revokeToken(RevokeTokenRequest request) {
        return answer(request, RevokeTokenResponse.builder().build());
    }

    @Override
    public AdminUserGlobalSignOutResponse adminUserGlobalSignOut(AdminUserGlobalSignOutRequest request) {
        return answer(request, AdminUserGlobalSignOutResponse.builder().build());
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}
