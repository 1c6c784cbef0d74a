package com.milkrun.shared;

/**
 * The kind of an expected failure. The HTTP edge maps each kind to one status, in one table; the core never
 * speaks in status codes.
 */
public enum Failure {
    /** The request is malformed or breaks a rule about its own content. */
    INVALID,
    /** The caller could not be identified (no token, bad token, wrong password). */
    UNAUTHENTICATED,
    /** The caller is known but may not do this. */
    FORBIDDEN,
    /** The thing does not exist, or is not the caller's to see. */
    NOT_FOUND,
    /** The request clashes with the current state (duplicate, stale version, stock below reservations). */
    CONFLICT,
    /** The request is well-formed but cannot be carried out as asked (reused idempotency key). */
    UNPROCESSABLE,
    /** The caller must wait before trying again. */
    TOO_MANY_REQUESTS
}
