package com.milkrun.accounts;

import com.milkrun.notifications.Notification;
import com.milkrun.notifications.Notifications;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import com.milkrun.shared.Retry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * MilkRun as its own identity provider, for the local and self-hosted deployment: bcrypt-style password hashes,
 * emailed six-digit codes, RS256 tokens and rotating refresh tokens with reuse detection.
 *
 * <p>Guessing is slowed here by what every process sharing the database sees, without letting anybody lock the
 * owner out: after {@value #FREE_FAILED_LOGINS} wrong passwords in a row, from anywhere, each further one makes the
 * account wait before the next try, doubling from one second up to {@link #MAX_LOGIN_DELAY} (the API's edge slows each
 * client on its own, far sooner). Codes: each has {@value #CODE_ATTEMPTS} tries, and at most
 * {@value #MAX_CODES_PER_WINDOW} are sent per account and purpose in {@link #CODE_WINDOW}, so a resend does not buy
 * endless guesses: at most 15 tries an hour against a million codes.
 */
public final class LocalIdentityProvider implements IdentityProvider {
    public static final int FREE_FAILED_LOGINS = 10;
    public static final Duration MAX_LOGIN_DELAY = Duration.ofSeconds(30);
    public static final int MAX_CODES_PER_WINDOW = 3;
    public static final Duration CODE_WINDOW = Duration.ofHours(1);
    public static final Duration VERIFY_CODE_TTL = Duration.ofHours(24);
    public static final Duration RESET_CODE_TTL = Duration.ofHours(1);
    public static final Duration REFRESH_TTL = Duration.ofDays(30);
    public static final int CODE_ATTEMPTS = 5;

    private final UserStore users;
    private final CredentialStore credentials;
    private final SessionStore sessions;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final Notifications notifications;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile String dummyHash;

    public LocalIdentityProvider(UserStore users, CredentialStore credentials, SessionStore sessions,
                                 PasswordHasher hasher, TokenService tokens, Notifications notifications, Clock clock) {
        this.users = users;
        this.credentials = credentials;
        this.sessions = sessions;
        this.hasher = hasher;
        this.tokens = tokens;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void signUp(User user, String password) {
        PasswordPolicy.check(password);
        if (credentials.findByEmail(user.email()).isPresent()) {
            throw userExists();
        }
        credentials.create(new Credential(user.userId(), user.email(), hasher.hash(password), false, 0, Optional.empty(), 0));
        sendCode(user.userId(), user.email(), OneTimeCode.Purpose.VERIFY_EMAIL);
    }

    @Override
    public void deleteIdentity(String userId) {
        credentials.delete(userId);
    }

    @Override
    public void confirmSignUp(String email, String code) {
        Credential credential = credentials.findByEmail(email).orElseThrow(LocalIdentityProvider::invalidCode);
        if (credential.emailVerified()) {
            throw DomainException.conflict("AlreadyVerified", "Email is already verified. You can now login.");
        }
        consumeCode(credential.userId(), OneTimeCode.Purpose.VERIFY_EMAIL, code);
        Retry.onConflict(() -> credentials.update(credentials.get(credential.userId()).orElseThrow().verified()));
    }

    @Override
    public void resendCode(String email) {
        credentials.findByEmail(email)
                .filter(c -> !c.emailVerified())
                .ifPresent(c -> sendCode(c.userId(), c.email(), OneTimeCode.Purpose.VERIFY_EMAIL));
    }

    @Override
    public AuthTokens signIn(String email, String password) {
        Instant now = clock.instant();
        Optional<Credential> found = credentials.findByEmail(email);
        if (found.isEmpty()) {
            hasher.matches(password, dummyHash());
            throw invalidCredentials();
        }
        Credential credential = found.get();
        if (credential.lockedAt(now)) {
            throw tooManyAttempts(Duration.between(now, credential.lockedUntil().orElseThrow()));
        }
        if (!hasher.matches(password, credential.passwordHash())) {
            recordFailure(credential.userId(), now);
            throw invalidCredentials();
        }
        if (!credential.emailVerified()) {
            throw new DomainException(Failure.FORBIDDEN, "EmailNotVerified", "Please verify your email before logging in");
        }
        User user = users.get(credential.userId()).orElseThrow(LocalIdentityProvider::invalidCredentials);
        if (user.disabled()) {
            throw accountDisabled();
        }
        if (credential.failedAttempts() > 0 || credential.lockedUntil().isPresent()) {
            Retry.onConflict(() -> credentials.update(credentials.get(credential.userId()).orElseThrow()
                    .withFailedAttempts(0, Optional.empty())));
        }
        return startSession(user, UUID.randomUUID().toString(), now, now);
    }

    @Override
    public AuthTokens refresh(String refreshToken) {
        Instant now = clock.instant();
        String hash = sha256(refreshToken);
        RefreshSession session = sessions.find(hash).orElseThrow(LocalIdentityProvider::invalidRefreshToken);
        if (session.status() == RefreshSession.Status.ROTATED) {
            sessions.revokeFamily(session.familyId());
            throw invalidRefreshToken();
        }
        if (session.status() != RefreshSession.Status.ACTIVE || !now.isBefore(session.expiresAt())) {
            throw invalidRefreshToken();
        }
        if (!sessions.transition(hash, RefreshSession.Status.ACTIVE, RefreshSession.Status.ROTATED)) {
            throw invalidRefreshToken();
        }
        User user = users.get(session.userId()).filter(u -> !u.disabled()).orElseThrow(LocalIdentityProvider::invalidRefreshToken);
        return startSession(user, session.familyId(), session.issuedAt(), now);
    }

    @Override
    public void forgotPassword(String email) {
        credentials.findByEmail(email).ifPresent(c -> sendCode(c.userId(), c.email(), OneTimeCode.Purpose.RESET_PASSWORD));
    }

    @Override
    public void confirmForgotPassword(String email, String code, String newPassword) {
        PasswordPolicy.check(newPassword);
        Credential credential = credentials.findByEmail(email).orElseThrow(LocalIdentityProvider::invalidCode);
        consumeCode(credential.userId(), OneTimeCode.Purpose.RESET_PASSWORD, code);
        String hash = hasher.hash(newPassword);
        Retry.onConflict(() -> credentials.update(credentials.get(credential.userId()).orElseThrow().withPasswordHash(hash).verified()));
        sessions.revokeAllOf(credential.userId());
    }

    @Override
    public void signOut(String refreshToken) {
        sessions.find(sha256(refreshToken)).ifPresent(s -> sessions.revokeFamily(s.familyId()));
    }

    @Override
    public void signOutEverywhere(String userId) {
        sessions.revokeAllOf(userId);
    }

    @Override
    public TokenService.VerifiedToken verify(String idToken) {
        return tokens.verify(idToken);
    }

    private AuthTokens startSession(User user, String familyId, Instant authTime, Instant now) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        sessions.create(new RefreshSession(sha256(refreshToken), user.userId(), familyId, now, now.plus(REFRESH_TTL),
                RefreshSession.Status.ACTIVE));
        TokenService.IssuedTokens issued = tokens.issue(user, authTime, now);
        return new AuthTokens(issued.accessToken(), issued.idToken(), refreshToken, issued.expiresIn(), user);
    }

    private void recordFailure(String userId, Instant now) {
        Retry.onConflict(() -> {
            Credential current = credentials.get(userId).orElseThrow();
            int failures = current.failedAttempts() + 1;
            Optional<Instant> retryAt = failures > FREE_FAILED_LOGINS
                    ? Optional.of(now.plus(loginDelay(failures - FREE_FAILED_LOGINS)))
                    : Optional.empty();
            return credentials.update(current.withFailedAttempts(failures, retryAt));
        });
    }

    /** One second after the first failure beyond the free ones, doubling, at most {@link #MAX_LOGIN_DELAY}. */
    static Duration loginDelay(int beyondFree) {
        if (beyondFree >= 20) {
            return MAX_LOGIN_DELAY;
        }
        Duration delay = Duration.ofSeconds(1L << (beyondFree - 1));
        return delay.compareTo(MAX_LOGIN_DELAY) > 0 ? MAX_LOGIN_DELAY : delay;
    }

    /**
     * Sends a new code, replacing the one before, unless {@value #MAX_CODES_PER_WINDOW} were sent in this window
     * already: then nothing is sent (the caller's answer does not tell, so that it cannot be used to probe accounts).
     */
    private void sendCode(String userId, String email, OneTimeCode.Purpose purpose) {
        Instant now = clock.instant();
        Optional<OneTimeCode> previous = credentials.findCode(userId, purpose);
        Instant windowStart = now;
        int sends = 1;
        if (previous.isPresent() && now.isBefore(previous.get().windowStart().plus(CODE_WINDOW))) {
            if (previous.get().sendsInWindow() >= MAX_CODES_PER_WINDOW) {
                return;
            }
            windowStart = previous.get().windowStart();
            sends = previous.get().sendsInWindow() + 1;
        }
        String code = String.format("%06d", random.nextInt(1_000_000));
        Duration ttl = purpose == OneTimeCode.Purpose.VERIFY_EMAIL ? VERIFY_CODE_TTL : RESET_CODE_TTL;
        credentials.saveCode(new OneTimeCode(userId, purpose, codeHash(userId, code), now.plus(ttl), CODE_ATTEMPTS,
                windowStart, sends));
        if (purpose == OneTimeCode.Purpose.VERIFY_EMAIL) {
            notifications.send(userId, email, Notification.Kind.EMAIL_VERIFICATION, "Your MilkRun verification code",
                    "Welcome to MilkRun!\n\nYour verification code is " + code + ".\n\nIt is valid for 24 hours.");
        } else {
            notifications.send(userId, email, Notification.Kind.PASSWORD_RESET, "Reset your MilkRun password",
                    "Your password reset code is " + code + ".\n\nIt is valid for 1 hour. If you did not ask for it, ignore this message.");
        }
    }

    private void consumeCode(String userId, OneTimeCode.Purpose purpose, String code) {
        OneTimeCode stored = credentials.findCode(userId, purpose).orElseThrow(LocalIdentityProvider::invalidCode);
        if (!clock.instant().isBefore(stored.expiresAt())) {
            throw new DomainException(Failure.INVALID, "InvalidCode", "Verification code has expired. Please request a new one");
        }
        if (stored.attemptsLeft() <= 0) {
            throw new DomainException(Failure.INVALID, "InvalidCode", "Too many wrong codes. Please request a new one");
        }
        boolean matches = MessageDigest.isEqual(
                codeHash(userId, code == null ? "" : code.strip()).getBytes(StandardCharsets.US_ASCII),
                stored.codeHash().getBytes(StandardCharsets.US_ASCII));
        if (!matches) {
            credentials.saveCode(stored.withAttemptsLeft(stored.attemptsLeft() - 1));
            throw invalidCode();
        }
        credentials.deleteCode(userId, purpose);
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            hash = hasher.hash(UUID.randomUUID().toString());
            dummyHash = hash;
        }
        return hash;
    }

    private static String codeHash(String userId, String code) {
        return sha256(userId + ":" + code);
    }

    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static DomainException userExists() {
        return DomainException.conflict("UserExists", "User with this email already exists");
    }

    private static DomainException invalidCode() {
        return new DomainException(Failure.INVALID, "InvalidCode", "Invalid verification code");
    }

    private static DomainException invalidCredentials() {
        return new DomainException(Failure.UNAUTHENTICATED, "InvalidCredentials", "Invalid email or password");
    }

    private static DomainException invalidRefreshToken() {
        return new DomainException(Failure.UNAUTHENTICATED, "InvalidRefreshToken",
                "Invalid or expired refresh token. Please login again.");
    }

    static DomainException accountDisabled() {
        return new DomainException(Failure.FORBIDDEN, "AccountDisabled", "This account has been disabled. Please contact support.");
    }

    private static DomainException tooManyAttempts(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return new DomainException(Failure.TOO_MANY_REQUESTS, "TooManyAttempts",
                "Too many failed logins. Try again in " + seconds + (seconds == 1 ? " second." : " seconds."),
                Map.of("retryAfterSeconds", seconds));
    }
}
