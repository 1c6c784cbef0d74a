package com.milkrun.accounts;

import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.util.Optional;

/** Users with their addresses, one record per user (a DynamoDB item; rows in SQL). */
public interface UserStore {
    /**
     * Stores a new user at version 1.
     *
     * @throws com.milkrun.shared.DomainException {@code UserExists} (conflict) when the id or the email is taken
     */
    User create(User user);

    Optional<User> get(String userId);

    /** Finds a user by email, compared in lower case. */
    Optional<User> findByEmail(String email);

    /**
     * Replaces the user and its addresses if the stored version still equals {@code user.version()}.
     *
     * @return the user as stored, with the version increased by one
     * @throws com.milkrun.shared.ConcurrentModification when the stored version differs
     * @throws com.milkrun.shared.DomainException {@code NotFound} when there is no such user
     */
    User update(User user);

    /**
     * Lists users newest first.
     *
     * @throws com.milkrun.shared.DomainException {@code InvalidNextToken} for a token this store did not issue
     */
    Page<User> list(UserQuery query, PageRequest page);
}
