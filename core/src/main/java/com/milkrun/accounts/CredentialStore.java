package com.milkrun.accounts;

import java.util.Optional;

/** Password credentials and one-time codes of the local identity provider. */
public interface CredentialStore {
    /**
     * Stores a new credential at version 1.
     *
     * @throws com.milkrun.shared.DomainException {@code UserExists} when the user id or email already has one
     */
    Credential create(Credential credential);

    /** Finds a credential by email, compared in lower case. */
    Optional<Credential> findByEmail(String email);

    Optional<Credential> get(String userId);

    /**
     * Replaces the credential if the stored version equals {@code credential.version()}.
     *
     * @return the stored credential with its version increased by one
     * @throws com.milkrun.shared.ConcurrentModification when the stored version differs
     */
    Credential update(Credential credential);

    /** Deletes a credential and its codes; used to undo a registration whose profile could not be stored. */
    void delete(String userId);

    /** Stores the code for (user, purpose), replacing any earlier one. */
    void saveCode(OneTimeCode code);

    Optional<OneTimeCode> findCode(String userId, OneTimeCode.Purpose purpose);

    void deleteCode(String userId, OneTimeCode.Purpose purpose);
}
