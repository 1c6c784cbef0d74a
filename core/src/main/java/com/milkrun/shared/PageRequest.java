package com.milkrun.shared;

/**
 * Which page of a list to return: at most {@code limit} items (1 to 100, default 20), continuing after the
 * opaque {@code nextToken} of the previous page, or from the start when it is null. Only the store that issued a
 * token can read it.
 */
public record PageRequest(int limit, String nextToken) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", "limit must be between 1 and " + MAX_LIMIT, "INVALID_LIMIT");
        }
        if (nextToken != null && nextToken.isBlank()) {
            nextToken = null;
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    public static PageRequest firstPage() {
        return new PageRequest(DEFAULT_LIMIT, null);
    }

    /** The answer stores give when they cannot read a token: 400 {@code InvalidNextToken}. */
    public static DomainException invalidToken() {
        return DomainException.invalid("InvalidNextToken", "nextToken is not valid for this list");
    }
}
