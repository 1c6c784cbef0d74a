package com.milkrun.accounts;

import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The seed's password policy (Cognito's): at least 8 characters with an upper-case letter, a lower-case letter, a digit and a symbol. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** The rules the password breaks, in words; empty when it is acceptable. */
    public static List<String> unmet(String password) {
        List<String> unmet = new ArrayList<>();
        if (password.length() < MIN_LENGTH) {
            unmet.add("at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            unmet.add("at most " + MAX_LENGTH + " characters");
        }
        if (password.chars().noneMatch(Character::isUpperCase)) {
            unmet.add("an upper-case letter");
        }
        if (password.chars().noneMatch(Character::isLowerCase)) {
            unmet.add("a lower-case letter");
        }
        if (password.chars().noneMatch(Character::isDigit)) {
            unmet.add("a digit");
        }
        if (password.chars().allMatch(Character::isLetterOrDigit)) {
            unmet.add("a symbol");
        }
        return List.copyOf(unmet);
    }

    /** @throws DomainException 400 {@code InvalidPassword} naming every unmet rule */
    public static void check(String password) {
        List<String> unmet = unmet(password);
        if (!unmet.isEmpty()) {
            throw new DomainException(Failure.INVALID, "InvalidPassword",
                    "Password must contain " + String.join(", ", unmet), Map.of("unmetRules", unmet));
        }
    }
}
