package com.milkrun.accounts;
import com.milkrun.access.Access;
import com.milkrun.access.Capability;
import com.milkrun.access.Role;
import com.milkrun.access.Principal;

import com.milkrun.notifications.Notification;
import com.milkrun.notifications.Notifications;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Ids;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.shared.Retry;
import com.milkrun.shared.Validation;
import com.milkrun.shared.ValidationException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The account use cases: register, verify, sign in and out, the caller's profile and addresses, and the admin's user
 * administration. Sign-in mechanics belong to the {@link IdentityProvider}; profiles to the {@link UserStore}.
 */
public final class AccountService {
    private final UserStore users;
    private final IdentityProvider identity;
    private final Notifications notifications;
    private final Clock clock;

    public AccountService(UserStore users, IdentityProvider identity, Notifications notifications, Clock clock) {
        this.users = users;
        this.identity = identity;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Registers a customer and sends the verification code.
     *
     * @throws ValidationException the seed's "Email, password, and name are required" when one is missing
     * @throws DomainException {@code UserExists}, {@code InvalidPassword}
     */
    public User register(String email, String password, String name, String phone) {
        if (isBlank(email) || password == null || password.isEmpty() || isBlank(name)) {
            Validation missing = new Validation();
            if (isBlank(email)) missing.add("email", "Email is required", "MISSING_EMAIL");
            if (password == null || password.isEmpty()) missing.add("password", "Password is required", "MISSING_PASSWORD");
            if (isBlank(name)) missing.add("name", "Name is required", "MISSING_NAME");
            throw new ValidationException("Email, password, and name are required", missing.errors());
        }
        Validation check = new Validation();
        String cleanEmail = check.email("email", email);
        String cleanName = check.text("name", name, 100, "Name");
        String cleanPhone = check.optionalPhone("phone", phone);
        check.throwIfInvalid();
        PasswordPolicy.check(password);
        if (users.findByEmail(cleanEmail).isPresent()) {
            throw LocalIdentityProvider.userExists();
        }
        User user = User.registered(Ids.newId("user"), cleanEmail, cleanName, cleanPhone, clock.instant());
        identity.signUp(user, password);
        try {
            return users.create(user);
        } catch (RuntimeException e) {
            identity.deleteIdentity(user.userId());
            throw e;
        }
    }

    public void verifyEmail(String email, String code) {
        requireFields(email, code, "code");
        identity.confirmSignUp(normalise(email), code);
        users.findByEmail(normalise(email)).ifPresent(u -> Retry.onConflict(() ->
                users.update(users.get(u.userId()).orElseThrow().withEmailVerified(clock.instant()))));
    }

    public void resendCode(String email) {
        requireEmail(email);
        identity.resendCode(normalise(email));
    }

    public AuthTokens login(String email, String password) {
        requireFields(email, password, "password");
        return identity.signIn(normalise(email), password);
    }

    public AuthTokens refresh(String refreshToken) {
        if (isBlank(refreshToken)) {
            throw ValidationException.of("refreshToken", "Refresh token is required", "MISSING_REFRESH_TOKEN");
        }
        return identity.refresh(refreshToken);
    }

    public void forgotPassword(String email) {
        requireEmail(email);
        identity.forgotPassword(normalise(email));
    }

    public void resetPassword(String email, String code, String newPassword) {
        Validation check = new Validation();
        check.email("email", email);
        check.text("code", code, 20, "Code");
        if (newPassword == null || newPassword.isEmpty()) {
            check.add("newPassword", "New password is required", "MISSING_NEW_PASSWORD");
        }
        check.throwIfInvalid();
        identity.confirmForgotPassword(normalise(email), code, newPassword);
    }

    public void logout(String refreshToken) {
        if (isBlank(refreshToken)) {
            throw ValidationException.of("refreshToken", "Refresh token is required", "MISSING_REFRESH_TOKEN");
        }
        identity.signOut(refreshToken);
    }

    /**
     * Identifies the caller of a request from its bearer token.
     *
     * @throws DomainException {@code Unauthorized} (401) for a bad token or an unknown user, {@code AccountDisabled} (403)
     */
    public Principal authenticate(String idToken) {
        TokenService.VerifiedToken token = identity.verify(idToken);
        User user = users.get(token.userId()).orElseThrow(() -> DomainException.unauthorized("Invalid or expired token"));
        if (user.disabled()) {
            throw LocalIdentityProvider.accountDisabled();
        }
        return new Principal(user.userId(), user.email(), user.name(), user.role());
    }

    public User me(Principal caller) {
        return users.get(caller.userId()).orElseThrow(() -> DomainException.notFound("User not found"));
    }

    public User updateProfile(Principal caller, String name, String phone) {
        Validation check = new Validation();
        String cleanName = name == null ? null : check.text("name", name, 100, "Name");
        String cleanPhone = phone == null ? null : check.optionalPhone("phone", phone);
        check.throwIfInvalid();
        return Retry.onConflict(() -> {
            User current = me(caller);
            return users.update(current.withProfile(cleanName == null ? current.name() : cleanName,
                    cleanPhone == null ? current.phone() : cleanPhone, clock.instant()));
        });
    }

    public List<Address> addresses(Principal caller) {
        return me(caller).addresses();
    }

    public Address address(Principal caller, String addressId) {
        return me(caller).address(addressId).orElseThrow(AccountService::addressNotFound);
    }

    public Address addAddress(Principal caller, AddressInput input) {
        String addressId = Ids.newId("addr");
        Address address = validAddress(addressId, input);
        User saved = Retry.onConflict(() -> {
            User current = me(caller);
            if (current.addresses().size() >= User.MAX_ADDRESSES) {
                throw DomainException.conflict("TooManyAddresses", "You can keep at most " + User.MAX_ADDRESSES + " addresses");
            }
            List<Address> next = new ArrayList<>(current.addresses());
            next.add(address);
            return users.update(current.withAddresses(withSingleDefault(next, address), clock.instant()));
        });
        return saved.address(addressId).orElseThrow();
    }

    /** Adds an address with a chosen id; the demo data uses it for the seed's {@code addr-home}. */
    public Address addAddressWithId(Principal caller, String addressId, AddressInput input) {
        Address address = validAddress(addressId, input);
        User saved = Retry.onConflict(() -> {
            User current = me(caller);
            List<Address> next = new ArrayList<>(current.addresses());
            next.add(address);
            return users.update(current.withAddresses(withSingleDefault(next, address), clock.instant()));
        });
        return saved.address(addressId).orElseThrow();
    }

    public Address replaceAddress(Principal caller, String addressId, AddressInput input) {
        Address address = validAddress(addressId, input);
        User saved = Retry.onConflict(() -> {
            User current = me(caller);
            if (current.address(addressId).isEmpty()) {
                throw addressNotFound();
            }
            List<Address> next = current.addresses().stream().map(a -> a.addressId().equals(addressId) ? address : a).toList();
            return users.update(current.withAddresses(withSingleDefault(next, address), clock.instant()));
        });
        return saved.address(addressId).orElseThrow();
    }

    public void deleteAddress(Principal caller, String addressId) {
        Retry.onConflict(() -> {
            User current = me(caller);
            if (current.address(addressId).isEmpty()) {
                throw addressNotFound();
            }
            List<Address> next = current.addresses().stream().filter(a -> !a.addressId().equals(addressId)).toList();
            return users.update(current.withAddresses(next, clock.instant()));
        });
    }

    public Page<User> listUsers(Principal caller, UserQuery query, PageRequest page) {
        Access.require(caller, Capability.ADMINISTER_USERS);
        return users.list(query, page);
    }

    public User changeRole(Principal caller, String userId, String roleName) {
        Access.require(caller, Capability.ADMINISTER_USERS);
        Role role = Role.fromWireName(roleName == null ? "" : roleName).orElseThrow(() -> ValidationException.of("role",
                "Role must be one of Customer, Vendor, Manager, Admin, DeliveryAgent", "INVALID_ROLE"));
        if (caller.userId().equals(userId)) {
            throw DomainException.conflict("CannotChangeOwnAccount", "Admins cannot change their own role");
        }
        User saved = Retry.onConflict(() -> users.update(user(userId).withRole(role, clock.instant())));
        notifications.send(saved.userId(), saved.email(), Notification.Kind.ACCOUNT, "Your MilkRun role has changed",
                "Hello " + saved.name() + ",\n\nAn administrator changed your role to " + role.wireName() + ".");
        return saved;
    }

    public User setDisabled(Principal caller, String userId, boolean disabled) {
        Access.require(caller, Capability.ADMINISTER_USERS);
        if (caller.userId().equals(userId)) {
            throw DomainException.conflict("CannotChangeOwnAccount", "Admins cannot disable or enable their own account");
        }
        User saved = Retry.onConflict(() -> users.update(user(userId).withDisabled(disabled, clock.instant())));
        if (disabled) {
            identity.signOutEverywhere(userId);
        }
        return saved;
    }

    public Optional<User> findByEmail(String email) {
        return users.findByEmail(normalise(email));
    }

    private User user(String userId) {
        return users.get(userId).orElseThrow(() -> DomainException.notFound("User not found"));
    }

    private static Address validAddress(String addressId, AddressInput input) {
        if (input == null) {
            throw ValidationException.of("body", "Address is required", "MISSING_ADDRESS");
        }
        Validation check = new Validation();
        String label = check.optionalText("label", input.label(), 40, "Label");
        String line1 = check.text("line1", input.line1(), 200, "Address line 1");
        String line2 = check.optionalText("line2", input.line2(), 200, "Address line 2");
        String city = check.text("city", input.city(), 100, "City");
        String state = check.text("state", input.state(), 100, "State");
        String zip = check.pincode("zipCode", input.zipCode());
        check.throwIfInvalid();
        return new Address(addressId, label, line1, line2, city, state, zip, Boolean.TRUE.equals(input.isDefault()));
    }

    private static List<Address> withSingleDefault(List<Address> addresses, Address changed) {
        if (!changed.isDefault()) {
            return addresses;
        }
        return addresses.stream().map(a -> a.withDefault(a.addressId().equals(changed.addressId()))).toList();
    }

    private static void requireEmail(String email) {
        Validation check = new Validation();
        check.email("email", email);
        check.throwIfInvalid();
    }

    private static void requireFields(String email, String other, String otherField) {
        Validation check = new Validation();
        check.email("email", email);
        if (other == null || other.isEmpty()) {
            check.add(otherField, capitalise(otherField) + " is required", "MISSING_" + otherField.toUpperCase(java.util.Locale.ROOT));
        }
        check.throwIfInvalid();
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String normalise(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static DomainException addressNotFound() {
        return DomainException.notFound("Address not found");
    }
}
