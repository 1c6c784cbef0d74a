package com.milkrun.testing;

import com.milkrun.accounts.RefreshSession;
import java.time.Duration;

/** Object Mother of refresh sessions: Asha signed in on her phone and on her laptop. */
public final class RefreshSessions {
    private RefreshSessions() {
    }

    /** An active session of Asha's phone sign-in. */
    public static RefreshSession ashasPhone() {
        return active("hash-asha-phone-1", "user-asha", "family-asha-phone");
    }

    /** An active session of Asha's laptop sign-in. */
    public static RefreshSession ashasLaptop() {
        return active("hash-asha-laptop-1", "user-asha", "family-asha-laptop");
    }

    /** An active session of Ravi's sign-in. */
    public static RefreshSession ravis() {
        return active("hash-ravi-1", "user-ravi", "family-ravi");
    }

    /** An active session valid for thirty days from {@link Times#MORNING_RUN}. */
    public static RefreshSession active(String tokenHash, String userId, String familyId) {
        return new RefreshSession(tokenHash, userId, familyId, Times.MORNING_RUN,
                Times.MORNING_RUN.plus(Duration.ofDays(30)), RefreshSession.Status.ACTIVE);
    }
}
