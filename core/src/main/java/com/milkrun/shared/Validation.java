package com.milkrun.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects field errors while a command is checked, then throws them all at once. Used by the value objects and
 * commands of every capability so that a client sees every mistake of a request in one answer.
 */
public final class Validation {
    public static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");
    public static final Pattern PHONE = Pattern.compile("^\\+[1-9][0-9]{7,14}$");
    public static final Pattern PINCODE = Pattern.compile("^[1-9][0-9]{5}$");

    private final List<FieldError> errors = new ArrayList<>();

    public Validation add(String field, String message, String code) {
        errors.add(new FieldError(field, message, code));
        return this;
    }

    /** Checks a required text: present, not blank, at most {@code max} characters. Returns the trimmed value. */
    public String text(String field, String value, int max, String label) {
        if (value == null || value.isBlank()) {
            add(field, label + " is required", "MISSING_" + code(field));
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            add(field, label + " must be at most " + max + " characters", "TOO_LONG");
            return null;
        }
        return trimmed;
    }

    /** Checks an optional text: absent or blank becomes {@code ""}; at most {@code max} characters. */
    public String optionalText(String field, String value, int max, String label) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            add(field, label + " must be at most " + max + " characters", "TOO_LONG");
            return "";
        }
        return trimmed;
    }

    public String email(String field, String value) {
        String text = text(field, value, 254, "Email");
        if (text != null && !EMAIL.matcher(text).matches()) {
            add(field, "Email address is not valid", "INVALID_EMAIL");
            return null;
        }
        return text == null ? null : text.toLowerCase(java.util.Locale.ROOT);
    }

    /** Checks an optional phone number in E.164 form ({@code +919876543210}); blank means none. */
    public String optionalPhone(String field, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String compact = value.replace(" ", "").replace("-", "");
        if (!PHONE.matcher(compact).matches()) {
            add(field, "Phone number must be in international form, like +919876543210", "INVALID_PHONE");
            return "";
        }
        return compact;
    }

    public String pincode(String field, String value) {
        String text = text(field, value, 6, "Pincode");
        if (text != null && !PINCODE.matcher(text).matches()) {
            add(field, "Pincode must be 6 digits", "INVALID_PINCODE");
            return null;
        }
        return text;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws a {@link ValidationException} listing every error collected, if there is any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static String code(String field) {
        String last = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
        return last.replaceAll("([a-z])([A-Z])", "$1_$2").replaceAll("\\[\\d+]", "").toUpperCase(java.util.Locale.ROOT);
    }
}
