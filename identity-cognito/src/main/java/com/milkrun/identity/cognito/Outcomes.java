package com.milkrun.identity.cognito;

import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;

/**
 * The answers the Cognito identity provider gives, with the same {@code error} names and messages as MilkRun's own
 * identity provider gives in the same situations, so that clients cannot tell which one is behind the API.
 */
final class Outcomes {
    /** Cognito's message for a wrong password after too many wrong ones (its lockout). */
    static final String COGNITO_LOCKED_OUT = "Password attempts exceeded";
    /** Cognito's message for signing in as a disabled user. */
    static final String COGNITO_DISABLED = "User is disabled.";

    private Outcomes() {
    }

    static DomainException userExists() {
        return DomainException.conflict("UserExists", "User with this email already exists");
    }

    static DomainException alreadyVerified() {
        return DomainException.conflict("AlreadyVerified", "Email is already verified. You can now login.");
    }

    static DomainException invalidCode() {
        return new DomainException(Failure.INVALID, "InvalidCode", "Invalid verification code");
    }

    static DomainException expiredCode() {
        return new DomainException(Failure.INVALID, "InvalidCode", "Verification code has expired. Please request a new one");
    }

    static DomainException tooManyWrongCodes() {
        return new DomainException(Failure.INVALID, "InvalidCode", "Too many wrong codes. Please request a new one");
    }

    static DomainException invalidCredentials() {
        return new DomainException(Failure.UNAUTHENTICATED, "InvalidCredentials", "Invalid email or password");
    }

    static DomainException emailNotVerified() {
        return new DomainException(Failure.FORBIDDEN, "EmailNotVerified", "Please verify your email before logging in");
    }

    static DomainException accountDisabled() {
        return new DomainException(Failure.FORBIDDEN, "AccountDisabled",
                "This account has been disabled. Please contact support.");
    }

    static DomainException invalidRefreshToken() {
        return new DomainException(Failure.UNAUTHENTICATED, "InvalidRefreshToken",
                "Invalid or expired refresh token. Please login again.");
    }

    /** Cognito does not say how long its lockout lasts, so unlike the local answer there is no wait to report. */
    static DomainException tooManyFailedLogins() {
        return new DomainException(Failure.TOO_MANY_REQUESTS, "TooManyAttempts", "Too many failed logins. Try again later.");
    }

    /** Cognito refused the request for its rate (the pool's quota or a per-user limit). */
    static DomainException throttled() {
        return new DomainException(Failure.TOO_MANY_REQUESTS, "TooManyAttempts", "Too many attempts. Try again later.");
    }

    /**
     * A password that passed MilkRun's policy and was still refused by the pool (a stricter pool policy); Cognito's
     * own message says which rule it broke.
     */
    static DomainException invalidPassword(CognitoIdentityProviderException e) {
        String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
        return new DomainException(Failure.INVALID, "InvalidPassword",
                message == null || message.isBlank() ? "Password does not meet the password policy" : message);
    }

    static boolean says(CognitoIdentityProviderException e, String message) {
        return e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null
                && e.awsErrorDetails().errorMessage().contains(message);
    }
}
