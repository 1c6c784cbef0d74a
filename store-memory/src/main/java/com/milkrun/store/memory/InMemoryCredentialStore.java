package com.milkrun.store.memory;

import com.milkrun.accounts.Credential;
import com.milkrun.accounts.CredentialStore;
import com.milkrun.accounts.OneTimeCode;
import com.milkrun.shared.ConcurrentModification;
import com.milkrun.shared.DomainException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Credentials and one-time codes in maps; every method holds the store's lock, so each call is atomic. */
public final class InMemoryCredentialStore implements CredentialStore {
    private record CodeKey(String userId, OneTimeCode.Purpose purpose) {
    }

    private final Map<String, Credential> byUser = new HashMap<>();
    private final Map<String, String> userByEmail = new HashMap<>();
    private final Map<CodeKey, OneTimeCode> codes = new HashMap<>();

    @Override
    public synchronized Credential create(Credential credential) {
        String email = Text.lower(credential.email());
        if (byUser.containsKey(credential.userId()) || userByEmail.containsKey(email)) {
            throw DomainException.conflict("UserExists", "User with this email already exists");
        }
        Credential stored = stored(credential, email, 1);
        byUser.put(stored.userId(), stored);
        userByEmail.put(email, stored.userId());
        return stored;
    }

    @Override
    public synchronized Optional<Credential> findByEmail(String email) {
        return Optional.ofNullable(userByEmail.get(Text.lower(email))).map(byUser::get);
    }

    @Override
    public synchronized Optional<Credential> get(String userId) {
        return Optional.ofNullable(byUser.get(userId));
    }

    @Override
    public synchronized Credential update(Credential credential) {
        Credential current = byUser.get(credential.userId());
        if (current == null) {
            throw DomainException.notFound("Credential not found");
        }
        if (current.version() != credential.version()) {
            throw new ConcurrentModification("Credential");
        }
        String email = Text.lower(credential.email());
        String owner = userByEmail.get(email);
        if (owner != null && !owner.equals(credential.userId())) {
            throw DomainException.conflict("UserExists", "User with this email already exists");
        }
        Credential stored = stored(credential, email, credential.version() + 1);
        userByEmail.remove(current.email());
        userByEmail.put(email, stored.userId());
        byUser.put(stored.userId(), stored);
        return stored;
    }

    @Override
    public synchronized void delete(String userId) {
        Credential removed = byUser.remove(userId);
        if (removed != null) {
            userByEmail.remove(removed.email());
        }
        codes.keySet().removeIf(key -> key.userId().equals(userId));
    }

    @Override
    public synchronized void saveCode(OneTimeCode code) {
        codes.put(new CodeKey(code.userId(), code.purpose()), code);
    }

    @Override
    public synchronized Optional<OneTimeCode> findCode(String userId, OneTimeCode.Purpose purpose) {
        return Optional.ofNullable(codes.get(new CodeKey(userId, purpose)));
    }

    @Override
    public synchronized void deleteCode(String userId, OneTimeCode.Purpose purpose) {
        codes.remove(new CodeKey(userId, purpose));
    }

    private static Credential stored(Credential c, String email, long version) {
        return new Credential(c.userId(), email, c.passwordHash(), c.emailVerified(), c.failedAttempts(),
                c.lockedUntil(), version);
    }
}
