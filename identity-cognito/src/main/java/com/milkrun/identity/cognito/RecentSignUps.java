package com.milkrun.identity.cognito;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The emails of the identities this process created lately, by MilkRun user id: undoing a sign-up whose profile could
 * not be stored has to find the Cognito user by email, and the profile that would tell it is exactly what is missing.
 * Sign-up and its undoing happen in one request, so a small bounded memory is enough; the oldest entries go first.
 */
final class RecentSignUps {
    private final Map<String, String> emails;

    RecentSignUps(int capacity) {
        this.emails = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void remember(String userId, String email) {
        emails.put(userId, email);
    }

    synchronized Optional<String> emailOf(String userId) {
        return Optional.ofNullable(emails.get(userId));
    }

    synchronized void forget(String userId) {
        emails.remove(userId);
    }
}
